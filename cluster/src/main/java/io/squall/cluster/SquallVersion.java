package io.squall.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The Squall version, from a resource Maven fills in at build time. */
public final class SquallVersion implements IVersionProvider {
  private static final String RESOURCE = "squall-version.properties";

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown}. */
  public static String get() {
    try (InputStream in = SquallVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"squall " + get()};
  }
}
