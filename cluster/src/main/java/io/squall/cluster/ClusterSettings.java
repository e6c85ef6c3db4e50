package io.squall.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.squall.actors.LocalOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster keys of the settings ({@code squall.cluster.*}, documented in
 * {@code conf/squall.conf}), read once at start-up and validated. Every key has an environment
 * override ({@code SQUALL_HOST}, {@code SQUALL_PORT}, {@code SQUALL_SEED_NODES},
 * {@code SQUALL_WORKERS}, …), so containers are configured by environment alone.
 *
 * @param name the cluster's name (the actor system's): nodes of another cluster are refused
 * @param host the address other nodes reach this node at, and that it binds to
 * @param bindHost the address to bind to instead of {@code host} (empty: {@code host})
 * @param port this node's TCP port, 0 for any free port, or {@link #AUTO_PORT}
 * @param seedNodes the seed nodes as Pekko addresses ({@code pekko://name@host:port})
 * @param workers worker actors on a worker node; 0 = one per available core
 * @param minWorkers the master starts sampling when this many worker actors have registered
 * @param maxFrameSize the largest message between nodes (Artery's maximum-frame-size)
 * @param unreachableAfter heartbeats missed for this long make a node unreachable, and its tasks
 *     go back to the queue
 * @param downAfter an unreachable node is downed (removed for good) by the split-brain resolver
 *     once membership has been stable this long
 * @param leaveTimeout after a run, the master waits at most this long for the worker nodes to
 *     leave before it leaves itself
 * @param rejoinTimeout a worker node that lost its master (downed by the split-brain resolver)
 *     starts afresh and waits at most this long for a master — normally the same one, restarted
 *     with {@code --resume} — to accept it, then gives up (exit 1)
 * @param tls Artery over TLS, when enabled
 * @param tasks the task settings of cluster mode: {@code squall.cluster.tasks.*} over
 *     {@code squall.tasks.*}
 */
public record ClusterSettings(
    String name,
    String host,
    String bindHost,
    int port,
    List<String> seedNodes,
    int workers,
    int minWorkers,
    long maxFrameSize,
    Duration unreachableAfter,
    Duration downAfter,
    Duration leaveTimeout,
    Duration rejoinTimeout,
    Tls tls,
    LocalOptions tasks) {

  /** {@code port = auto}: {@value #MASTER_PORT} on the master, any free port on a worker. */
  public static final int AUTO_PORT = -1;
  /** The master's port when {@code port = auto}. */
  public static final int MASTER_PORT = 25520;
  /** The smallest allowed frame. */
  public static final long MIN_FRAME_SIZE = 32 * 1024;
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_-]*");
  private static final Pattern SEED = Pattern.compile("(?:pekko://([^@/]+)@)?(\\[[^\\]]+]|[^:/@\\[\\]]+):(\\d+)/?");

  public ClusterSettings {
    seedNodes = List.copyOf(seedNodes);
  }

  /**
   * TLS for Artery ({@code squall.cluster.tls.*}): every node presents the key in its key store
   * and trusts the certificates in its trust store.
   *
   * @param enabled TLS on (transport tls-tcp) or off (plain tcp)
   * @param keyStore path of the PKCS12 or JKS key store
   * @param keyStorePassword its password
   * @param keyPassword the key's password
   * @param trustStore path of the trust store
   * @param trustStorePassword its password
   */
  public record Tls(boolean enabled, String keyStore, String keyStorePassword, String keyPassword,
      String trustStore, String trustStorePassword) {
    /** TLS off. */
    public static Tls off() {
      return new Tls(false, "", "", "", "", "");
    }
  }

  /** The port this node listens on in {@code role}: {@code port}, or the role's default for auto. */
  public int port(ClusterRole role) {
    if (port != AUTO_PORT) {
      return port;
    }
    return role == ClusterRole.MASTER ? MASTER_PORT : 0;
  }

  /** The worker actors a worker node runs: {@code workers}, or one per available core. */
  public int workersPerNode() {
    return workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
  }

  /** The Pekko address of this node, for messages: {@code pekko://name@host:port}. */
  public String address(int actualPort) {
    return "pekko://" + name + "@" + host + ":" + actualPort;
  }

  /**
   * Reads and checks {@code squall.cluster.*} of the resolved settings {@code merged}, adding
   * every problem to {@code problems}.
   */
  static ClusterSettings read(ConfigReader reader, Config merged, List<String> problems) {
    String name = reader.getString(SettingKeys.CLUSTER_NAME, "squall").trim();
    if (!NAME.matcher(name).matches()) {
      problems.add(SettingKeys.CLUSTER_NAME + " must be letters, digits, '-' or '_' (starting with a letter or digit), "
          + "got '" + name + "'");
    }
    String host = reader.getString(SettingKeys.CLUSTER_HOST, "127.0.0.1").trim();
    String bindHost = reader.getStringOrEmpty(SettingKeys.CLUSTER_BIND_HOST, "");
    int port = port(reader.getString(SettingKeys.CLUSTER_PORT, "auto"), problems);
    List<String> seeds = seedNodes(reader.getStringOrEmpty(SettingKeys.CLUSTER_SEED_NODES, ""), name, problems);
    int workers = reader.getInt(SettingKeys.CLUSTER_WORKERS, 0);
    if (workers < 0) {
      problems.add(SettingKeys.CLUSTER_WORKERS + " must be at least 0 (0 = one per core), got " + workers);
    }
    int minWorkers = reader.getInt(SettingKeys.CLUSTER_MIN_WORKERS, 1);
    if (minWorkers < 1) {
      problems.add(SettingKeys.CLUSTER_MIN_WORKERS + " must be at least 1, got " + minWorkers);
    }
    long frame = reader.getBytes(SettingKeys.CLUSTER_MAX_FRAME_SIZE, 256 * 1024);
    if (frame < MIN_FRAME_SIZE || frame > Integer.MAX_VALUE) {
      problems.add(SettingKeys.CLUSTER_MAX_FRAME_SIZE + " must be between 32 KiB and 2 GiB, got " + frame + " bytes");
    }
    return new ClusterSettings(name, host, bindHost, port, seeds, workers, minWorkers, frame,
        reader.getDuration(SettingKeys.CLUSTER_UNREACHABLE_AFTER, Duration.ofSeconds(3)),
        reader.getDuration(SettingKeys.CLUSTER_DOWN_AFTER, Duration.ofSeconds(20)),
        reader.getDuration(SettingKeys.CLUSTER_LEAVE_TIMEOUT, Duration.ofSeconds(10)),
        reader.getDuration(SettingKeys.CLUSTER_REJOIN_TIMEOUT, Duration.ofMinutes(2)),
        tls(reader, problems), tasks(merged, problems));
  }

  /** squall.tasks.* with squall.cluster.tasks.* over it. */
  private static LocalOptions tasks(Config merged, List<String> problems) {
    try {
      Config tasks = merged.getConfig(SettingKeys.CLUSTER_TASKS).withFallback(merged.getConfig("squall.tasks"));
      return LocalOptions.fromConfig(merged.withValue("squall.tasks", tasks.root()));
    } catch (ConfigException | IllegalArgumentException e) {
      problems.add(SettingKeys.CLUSTER_TASKS + ": " + e.getMessage());
      return LocalOptions.defaults();
    }
  }

  private static Tls tls(ConfigReader reader, List<String> problems) {
    boolean enabled = reader.getBoolean(SettingKeys.CLUSTER_TLS_ENABLED, false);
    Tls tls = new Tls(enabled,
        reader.getStringOrEmpty(SettingKeys.CLUSTER_TLS_KEY_STORE, ""),
        reader.getStringOrEmpty(SettingKeys.CLUSTER_TLS_KEY_STORE_PASSWORD, ""),
        reader.getStringOrEmpty(SettingKeys.CLUSTER_TLS_KEY_PASSWORD, ""),
        reader.getStringOrEmpty(SettingKeys.CLUSTER_TLS_TRUST_STORE, ""),
        reader.getStringOrEmpty(SettingKeys.CLUSTER_TLS_TRUST_STORE_PASSWORD, ""));
    if (enabled && (tls.keyStore().isEmpty() || tls.trustStore().isEmpty())) {
      problems.add(SettingKeys.CLUSTER_TLS_ENABLED + " = on needs " + SettingKeys.CLUSTER_TLS_KEY_STORE + " and "
          + SettingKeys.CLUSTER_TLS_TRUST_STORE + " (see docker/make-keystore.sh)");
    }
    return tls;
  }

  private static int port(String text, List<String> problems) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("auto")) {
      return AUTO_PORT;
    }
    try {
      int port = Integer.parseInt(value);
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(SettingKeys.CLUSTER_PORT + " must be auto or a port number 0-65535 (0 = any free port), got '"
        + text + "'");
    return AUTO_PORT;
  }

  /**
   * Seed nodes from a comma- or space-separated list of {@code host:port} or
   * {@code pekko://name@host:port}, as Pekko addresses of cluster {@code name}.
   */
  static List<String> seedNodes(String text, String name, List<String> problems) {
    List<String> seeds = new ArrayList<>();
    for (String item : text.split("[,\\s]+")) {
      if (item.isBlank()) {
        continue;
      }
      Matcher m = SEED.matcher(item.trim());
      if (!m.matches() || Integer.parseInt(m.group(3)) > 65535 || Integer.parseInt(m.group(3)) == 0) {
        problems.add(SettingKeys.CLUSTER_SEED_NODES + ": '" + item + "' is not host:port (or pekko://"
            + name + "@host:port)");
        continue;
      }
      if (m.group(1) != null && !m.group(1).equals(name)) {
        problems.add(SettingKeys.CLUSTER_SEED_NODES + ": '" + item + "' belongs to cluster '" + m.group(1)
            + "', not '" + name + "' (" + SettingKeys.CLUSTER_NAME + ")");
        continue;
      }
      seeds.add("pekko://" + name + "@" + m.group(2) + ":" + m.group(3));
    }
    return seeds;
  }
}
