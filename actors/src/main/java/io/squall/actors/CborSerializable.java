package io.squall.actors;

/**
 * Marker of every message that may cross a node boundary: {@code reference.conf} binds this one
 * interface to Pekko's Jackson CBOR serializer. Java serialization stays off, and no message ever
 * carries the {@link io.squall.sampler.Model} (workers receive it when they are created).
 */
public interface CborSerializable {}
