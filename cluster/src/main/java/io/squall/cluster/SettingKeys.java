package io.squall.cluster;

import io.squall.sampler.SamplerSettings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HOCON keys of the settings (documented in {@code conf/squall.conf}) and the names of enum
 * values in settings.
 */
final class SettingKeys {
  static final String ROOT = "squall";
  static final String MODEL_NAME = "squall.model.name";
  static final String MODEL_PARAMS = "squall.model.params";
  static final String SAMPLER = "squall.sampler";
  static final String ACTIVE_PARTICLES = SAMPLER + ".active-particles";
  static final String EFFECTIVE_PARTICLES = SAMPLER + ".effective-particles";
  static final String TOTAL_SAMPLES = SAMPLER + ".total-samples";
  static final String MCMC_STEPS = SAMPLER + ".mcmc-steps";
  static final String MAX_MCMC_STEPS = SAMPLER + ".max-mcmc-steps";
  static final String KERNEL = SAMPLER + ".kernel";
  static final String RESAMPLING = SAMPLER + ".resampling";
  static final String SEED = SAMPLER + ".seed";
  static final String NAN_AS_MINUS_INFINITY = SAMPLER + ".nan-as-minus-infinity";
  static final String REPLICAS = SAMPLER + ".replicas";
  static final String CLUSTERING = SAMPLER + ".clustering";
  static final String OUTPUT_DIR = "squall.output.dir";
  static final String CHECKPOINT = "squall.checkpoint";
  static final String CHECKPOINT_EVERY = CHECKPOINT + ".every";
  static final String CHECKPOINT_FILE = CHECKPOINT + ".file";
  static final String CLUSTER = "squall.cluster";
  static final String CLUSTER_NAME = CLUSTER + ".name";
  static final String CLUSTER_HOST = CLUSTER + ".host";
  static final String CLUSTER_BIND_HOST = CLUSTER + ".bind-host";
  static final String CLUSTER_PORT = CLUSTER + ".port";
  static final String CLUSTER_SEED_NODES = CLUSTER + ".seed-nodes";
  static final String CLUSTER_WORKERS = CLUSTER + ".workers";
  static final String CLUSTER_MIN_WORKERS = CLUSTER + ".min-workers";
  static final String CLUSTER_MAX_FRAME_SIZE = CLUSTER + ".max-frame-size";
  static final String CLUSTER_UNREACHABLE_AFTER = CLUSTER + ".unreachable-after";
  static final String CLUSTER_DOWN_AFTER = CLUSTER + ".down-after";
  static final String CLUSTER_LEAVE_TIMEOUT = CLUSTER + ".leave-timeout";
  static final String CLUSTER_REJOIN_TIMEOUT = CLUSTER + ".rejoin-timeout";
  static final String CLUSTER_TASKS = CLUSTER + ".tasks";
  static final String CLUSTER_TASKS_MIN_TASK_TIME = CLUSTER_TASKS + ".min-task-time";
  static final String CLUSTER_TASKS_MAX_TASKS_PER_WORKER = CLUSTER_TASKS + ".max-tasks-per-worker";
  static final String CLUSTER_TLS = CLUSTER + ".tls";
  static final String CLUSTER_TLS_ENABLED = CLUSTER_TLS + ".enabled";
  static final String CLUSTER_TLS_KEY_STORE = CLUSTER_TLS + ".key-store";
  static final String CLUSTER_TLS_KEY_STORE_PASSWORD = CLUSTER_TLS + ".key-store-password";
  static final String CLUSTER_TLS_KEY_PASSWORD = CLUSTER_TLS + ".key-password";
  static final String CLUSTER_TLS_TRUST_STORE = CLUSTER_TLS + ".trust-store";
  static final String CLUSTER_TLS_TRUST_STORE_PASSWORD = CLUSTER_TLS + ".trust-store-password";

  /** Every key of {@code squall.cluster}, as read by {@link ClusterSettings}. */
  static final java.util.List<String> CLUSTER_KEYS = java.util.List.of(CLUSTER_NAME, CLUSTER_HOST, CLUSTER_BIND_HOST,
      CLUSTER_PORT, CLUSTER_SEED_NODES, CLUSTER_WORKERS, CLUSTER_MIN_WORKERS, CLUSTER_MAX_FRAME_SIZE,
      CLUSTER_UNREACHABLE_AFTER, CLUSTER_DOWN_AFTER, CLUSTER_LEAVE_TIMEOUT, CLUSTER_REJOIN_TIMEOUT,
      CLUSTER_TASKS_MIN_TASK_TIME,
      CLUSTER_TASKS_MAX_TASKS_PER_WORKER, CLUSTER_TLS_ENABLED, CLUSTER_TLS_KEY_STORE,
      CLUSTER_TLS_KEY_STORE_PASSWORD, CLUSTER_TLS_KEY_PASSWORD, CLUSTER_TLS_TRUST_STORE,
      CLUSTER_TLS_TRUST_STORE_PASSWORD);

  /** {@link SamplerSettings} component name → HOCON key, in record order. */
  static final Map<String, String> SAMPLER_FIELDS = samplerFields();

  private SettingKeys() {}

  private static Map<String, String> samplerFields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("activeParticles", ACTIVE_PARTICLES);
    fields.put("effectiveParticles", EFFECTIVE_PARTICLES);
    fields.put("totalSamples", TOTAL_SAMPLES);
    fields.put("mcmcSteps", MCMC_STEPS);
    fields.put("maxMcmcSteps", MAX_MCMC_STEPS);
    fields.put("kernel", KERNEL);
    fields.put("resampling", RESAMPLING);
    fields.put("seed", SEED);
    fields.put("nanAsMinusInfinity", NAN_AS_MINUS_INFINITY);
    fields.put("replicas", REPLICAS);
    fields.put("clustering", CLUSTERING);
    return Collections.unmodifiableMap(fields);
  }

  /** The last segment of a key, e.g. {@code active-particles}. */
  static String leaf(String key) {
    return key.substring(key.lastIndexOf('.') + 1);
  }

  /** Rewrites {@link SamplerSettings} field names in a validation message to HOCON keys. */
  static String toHoconNames(String problem) {
    String out = problem;
    for (Map.Entry<String, String> field : SAMPLER_FIELDS.entrySet()) {
      out = out.replaceAll("\\b" + field.getKey() + "\\b", field.getValue());
    }
    return out;
  }

  /** The settings name of an enum value: lower case, '-' for '_' (RANDOM_WALK → random-walk). */
  static String enumName(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The sampler settings keyed by their HOCON leaf names, as they appear in summary.json. */
  static Map<String, Object> samplerSettingsByLeaf(SamplerSettings s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(leaf(ACTIVE_PARTICLES), s.activeParticles());
    out.put(leaf(EFFECTIVE_PARTICLES), s.effectiveParticles());
    out.put(leaf(TOTAL_SAMPLES), s.totalSamples());
    out.put(leaf(MCMC_STEPS), s.mcmcSteps());
    out.put(leaf(MAX_MCMC_STEPS), s.maxMcmcSteps());
    out.put(leaf(KERNEL), enumName(s.kernel()));
    out.put(leaf(RESAMPLING), enumName(s.resampling()));
    out.put(leaf(SEED), s.seed());
    out.put(leaf(NAN_AS_MINUS_INFINITY), s.nanAsMinusInfinity());
    out.put(leaf(REPLICAS), s.replicas());
    out.put(leaf(CLUSTERING), s.clustering());
    return out;
  }
}
