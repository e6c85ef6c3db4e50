package io.squall.cluster;

import io.squall.sampler.Boundary;
import io.squall.sampler.Evaluation;
import io.squall.sampler.ForwardingModel;
import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.Prior;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;

/** Small models named by class in the tests, as a user would name their own. */
public final class TestModels {
  private TestModels() {}

  /**
   * {@link Gaussian2d} that also returns {@code count} derived values per point (all zero): with
   * enough of them one point's result exceeds a cluster message.
   */
  public static final class WideDerived implements ModelFactory {
    @Override
    public Model create(ModelParameters params) {
      int count = params.getInt("count", 1);
      params.require(count >= 1, "count must be >= 1, got " + count);
      params.finish();
      List<String> names = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        names.add("d" + k);
      }
      return Model.withDerived(Prior.uniformBox(2, -5, 5), names, theta -> new Evaluation.Point(
          -0.5 * (theta[0] * theta[0] + theta[1] * theta[1]), new double[count]));
    }
  }

  /**
   * A 2-D standard normal likelihood (width {@code sigma}) under a uniform prior on [-5, 5]²:
   * Z = (1/100)·(Φ(5/σ) − Φ(−5/σ))² ≈ 1/100 for σ = 1 (the tail mass, 6e-7, is neglected).
   */
  public static final class Gaussian2d implements ModelFactory {
    @Override
    public Model create(ModelParameters params) {
      double sigma = params.getDouble("sigma", 1.0);
      params.require(sigma > 0, "sigma must be > 0, got " + sigma);
      params.finish();
      Model model = Model.of(Prior.uniformBox(2, -5, 5), theta -> {
        double r2 = (theta[0] * theta[0] + theta[1] * theta[1]) / (sigma * sigma);
        return -0.5 * r2 - Math.log(2 * Math.PI * sigma * sigma);
      });
      return withKnownLogEvidence(model, -Math.log(100));
    }
  }

  /**
   * {@link Gaussian2d} (same parameters, same values) that can be stopped or slowed from outside,
   * for the checkpoint tests: its likelihood throws once {@link #BUDGET} points are spent (no
   * limit by default), and sleeps {@value #DELAY_VARIABLE} milliseconds per point when that
   * environment variable is set (in a separate JVM that a test kills midway).
   */
  public static final class Interruptible implements ModelFactory {
    /** Points that may still be evaluated in this JVM. */
    public static final AtomicLong BUDGET = new AtomicLong(Long.MAX_VALUE);
    /** Environment variable with a delay per point in milliseconds. */
    public static final String DELAY_VARIABLE = "SQUALL_TEST_DELAY_MS";

    @Override
    public Model create(ModelParameters params) {
      long delay = Long.parseLong(System.getenv().getOrDefault(DELAY_VARIABLE, "0"));
      return new ForwardingModel(new Gaussian2d().create(params)) {
        @Override
        public Evaluation evaluate(double[][] thetas) {
          if (BUDGET.addAndGet(-thetas.length) < 0) {
            throw new IllegalStateException("the test's budget of likelihood calls is spent");
          }
          sleep(delay * thetas.length);
          return delegate().evaluate(thetas);
        }
      };
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Returns NaN wherever x0 > 4 (a tenth of the prior). */
  public static final class NanModel implements ModelFactory {
    @Override
    public Model create(ModelParameters params) {
      params.finish();
      return Model.of(Prior.uniformBox(2, -5, 5), theta -> theta[0] > 4 ? Double.NaN : -theta[1] * theta[1]);
    }
  }

  /** Not a model factory at all. */
  public static final class NotAFactory {
    public NotAFactory() {}
  }

  /** A factory without a no-argument constructor. */
  public static final class NeedsArgument implements ModelFactory {
    public NeedsArgument(int unused) {}

    @Override
    public Model create(ModelParameters params) {
      throw new AssertionError("never called");
    }
  }

  /** A factory whose constructor throws. */
  public static final class ThrowingConstructor implements ModelFactory {
    public ThrowingConstructor() {
      throw new IllegalStateException("no licence for this model");
    }

    @Override
    public Model create(ModelParameters params) {
      throw new AssertionError("never called");
    }
  }

  private static Model withKnownLogEvidence(Model model, double logZ) {
    return new ForwardingModel(model) {
      @Override
      public OptionalDouble knownLogEvidence() {
        return OptionalDouble.of(logZ);
      }
    };
  }
}
