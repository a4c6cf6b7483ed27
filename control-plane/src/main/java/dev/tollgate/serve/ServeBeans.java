package dev.tollgate.serve;

import dev.tollgate.app.Pipelines;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.translator.pipeline.Pipeline;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The plain (framework-free) pieces the daemon is assembled from. */
@Factory
class ServeBeans {

  @Singleton
  @Bean(preDestroy = "close")
  GatewaySnapshots gatewaySnapshots(ServeSettings settings) {
    return new GatewaySnapshots(settings.getRemovalDelay());
  }

  /** The same pipeline {@code translate} runs, so serving and translating cannot drift apart. */
  @Singleton
  Pipeline pipeline(ServeSettings settings) {
    return Pipelines.create(settings.translatorConfig());
  }
}
