package io.squall.cluster;

import io.squall.sampler.Posterior;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples.csv of a run: one row per pool particle with θ, the model's derived values (if it
 * has any), its normalised weight at β = 1 and its log-likelihood; numbers printed with {@link Double#toString} (exact round trip, so the file is
 * deterministic).
 */
final class SamplesCsv {
  private SamplesCsv() {}

  /** Writes the header and one row per particle. */
  static void write(Posterior posterior, Writer out) throws IOException {
    out.write(String.join(",", header(posterior.parameterNames(), posterior.derivedNames())));
    out.write('\n');
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < posterior.size(); i++) {
      row.setLength(0);
      for (int j = 0; j < posterior.dimension(); j++) {
        row.append(posterior.theta(i, j)).append(',');
      }
      for (int k = 0; k < posterior.derivedNames().size(); k++) {
        row.append(posterior.derived(i, k)).append(',');
      }
      row.append(posterior.weight(i)).append(',').append(posterior.logLikelihood(i)).append('\n');
      out.append(row);
    }
  }

  /** The column names: the parameters, the derived values, then {@code weight,logLikelihood}. */
  static List<String> header(List<String> parameterNames, List<String> derivedNames) {
    List<String> columns = new ArrayList<>();
    parameterNames.forEach(name -> columns.add(quoted(name)));
    derivedNames.forEach(name -> columns.add(quoted(name)));
    columns.add("weight");
    columns.add("logLikelihood");
    return columns;
  }

  /** RFC 4180 quoting, only where needed. */
  private static String quoted(String field) {
    if (field.matches("[^,\"\r\n]*")) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }
}
