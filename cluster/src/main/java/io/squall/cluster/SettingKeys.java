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
  static final String CLUSTERING = SAMPLER + ".clustering";
  static final String OUTPUT_DIR = "squall.output.dir";

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
    out.put(leaf(CLUSTERING), s.clustering());
    return out;
  }
}
