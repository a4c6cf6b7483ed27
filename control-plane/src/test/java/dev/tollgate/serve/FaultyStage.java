package dev.tollgate.serve;

import dev.tollgate.extension.Extension;
import dev.tollgate.translator.model.gatewayapi.HttpRoute;
import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.pipeline.TranslationContext;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.XdsStage;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A pipeline stage for tests of what the daemon does when translation itself goes wrong: while
 * the input holds an HTTPRoute named {@code explode}, translation throws; while it holds one named
 * {@code hang}, translation waits until {@link #release()} (30 s at most). In place of the
 * daemon's pipeline only where {@code test.faulty-stage} is set.
 */
@Singleton
@Requires(property = "test.faulty-stage", value = "true")
final class FaultyStage implements OutputStage {

  private volatile CountDownLatch held = new CountDownLatch(1);

  @Override
  public void apply(TranslationContext context) {
    if (context.resources().get("HTTPRoute", HttpRoute.class, "default", "explode")
        .isPresent()) {
      throw new IllegalStateException("translation broken on purpose");
    }
    if (context.resources().get("HTTPRoute", HttpRoute.class, "default", "hang")
        .isPresent()) {
      try {
        held.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Lets a translation waiting on a {@code hang} route go on, and the next ones too. */
  void release() {
    held.countDown();
  }

  @Factory
  @Requires(property = "test.faulty-stage", value = "true")
  static class Pipelines {
    @Singleton
    @Replaces(value = Pipeline.class, factory = ServeBeans.class)
    Pipeline pipeline(ServeSettings settings, Extension extension, FaultyStage stage) {
      return new Pipeline(settings.translatorConfig().withExtensionKinds(extension.kinds()), new XdsStage(), List.of(stage),
          new XdsValidator());
    }
  }
}
