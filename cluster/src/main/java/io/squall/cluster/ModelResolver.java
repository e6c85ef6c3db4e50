package io.squall.cluster;

import io.squall.examples.ExampleModels;
import io.squall.examples.ExampleTasks;
import io.squall.sampler.MapTask;
import io.squall.process.ProcessModelFactory;
import io.squall.process.ProcessSettings;
import io.squall.sampler.Model;
import io.squall.sampler.ModelFactory;
import io.squall.sampler.ModelParameters;
import io.squall.sampler.SettingsException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.List;

/**
 * Turns a {@link ModelSpec} into a {@link Model}: a built-in name goes to {@link ExampleModels},
 * {@code process} to {@link ProcessModelFactory}; {@code task:NAME} is a {@link MapTask} of the
 * distributed map (a built-in task of {@link ExampleTasks}, or a class implementing {@link MapTask}
 * with a public no-argument constructor) in its {@link MapTask#asModel() model form};
 * any other name must be a class on the classpath implementing {@link ModelFactory} with a public
 * no-argument constructor. Every failure is a {@link SettingsException} with one clear line.
 */
public final class ModelResolver {
  private ModelResolver() {}

  /** The model named by {@code spec}, built from its parameters. */
  public static Model resolve(ModelSpec spec) {
    if (ExampleModels.names().contains(spec.name())) {
      return ExampleModels.create(spec.name(), spec.params());
    }
    if (ProcessSettings.MODEL_NAME.equals(spec.name())) {
      return new ProcessModelFactory().create(ModelParameters.of(spec.name(), spec.params()));
    }
    if (spec.name().startsWith(ExampleTasks.PREFIX)) {
      return task(spec).asModel();
    }
    ModelFactory factory = instantiate(load(spec.name()));
    return create(factory, spec);
  }

  /** The map task named by {@code spec} ({@code task:NAME}). */
  public static MapTask task(ModelSpec spec) {
    String name = spec.name().substring(ExampleTasks.PREFIX.length());
    if (ExampleTasks.names().contains(name)) {
      return ExampleTasks.create(name, ModelParameters.of(spec.name(), spec.params()));
    }
    Class<?> type = load(name);
    if (!MapTask.class.isAssignableFrom(type)) {
      throw fail("task class '" + name + "' is not a built-in task (" + String.join(", ", ExampleTasks.names())
          + ") and does not implement " + MapTask.class.getName());
    }
    if (!spec.params().isEmpty()) {
      throw fail("task class '" + name + "' takes no parameters, got " + spec.params().keySet());
    }
    try {
      return (MapTask) type.getConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw fail("task class '" + name + "' cannot be instantiated with a public no-argument constructor: "
          + describe(e instanceof InvocationTargetException ite ? ite.getCause() : e));
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, true, classLoader());
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw fail("unknown model '" + name + "': not a built-in model ("
          + String.join(", ", ExampleModels.names()) + ") and no class of that name on the classpath");
    } catch (ExceptionInInitializerError e) {
      throw fail("model class '" + name + "' failed to initialise: " + describe(e.getCause()));
    }
  }

  private static ModelFactory instantiate(Class<?> type) {
    String name = type.getName();
    if (!ModelFactory.class.isAssignableFrom(type)) {
      throw fail("model class '" + name + "' does not implement " + ModelFactory.class.getName());
    }
    if (Modifier.isAbstract(type.getModifiers())) {
      throw fail("model class '" + name + "' is abstract; name a concrete class");
    }
    try {
      Constructor<?> constructor = type.getConstructor();
      return (ModelFactory) constructor.newInstance();
    } catch (NoSuchMethodException e) {
      throw fail("model class '" + name + "' has no public no-argument constructor");
    } catch (InvocationTargetException e) {
      throw fail("model class '" + name + "': its constructor threw " + describe(e.getCause()));
    } catch (IllegalAccessException | InstantiationException e) {
      throw fail("model class '" + name + "' cannot be instantiated (" + describe(e)
          + "); make the class and its no-argument constructor public");
    }
  }

  private static Model create(ModelFactory factory, ModelSpec spec) {
    Model model;
    try {
      model = factory.create(ModelParameters.of(spec.name(), spec.params()));
    } catch (SettingsException e) {
      throw e;
    } catch (RuntimeException e) {
      throw fail("model class '" + spec.name() + "': create() threw " + describe(e));
    }
    if (model == null) {
      throw fail("model class '" + spec.name() + "': create() returned null");
    }
    return model;
  }

  private static ClassLoader classLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : ModelResolver.class.getClassLoader();
  }

  /** {@code SimpleName: message} of a throwable. */
  static String describe(Throwable t) {
    if (t == null) {
      return "an unknown error";
    }
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
  }

  private static SettingsException fail(String problem) {
    return new SettingsException(List.of(problem));
  }
}
