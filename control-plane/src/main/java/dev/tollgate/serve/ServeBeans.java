package dev.tollgate.serve;

import dev.tollgate.app.Pipelines;
import dev.tollgate.extension.Extension;
import dev.tollgate.extension.config.ExtensionConfigException;
import dev.tollgate.extension.config.ExtensionConfigLoader;
import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.translator.pipeline.Pipeline;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plain (framework-free) pieces the daemon is assembled from. */
@Factory
class ServeBeans {

  private static final Logger LOG = LoggerFactory.getLogger(ServeBeans.class);

  @Singleton
  @Bean(preDestroy = "close")
  GatewaySnapshots gatewaySnapshots(ServeSettings settings) {
    return new GatewaySnapshots(settings.getRemovalDelay());
  }

  /** The extension server named by {@code tollgate.extension-config}, or none. */
  @Singleton
  @Bean(preDestroy = "close")
  Extension extension(ServeSettings settings) throws ExtensionConfigException {
    if (settings.getExtensionConfig() == null || settings.getExtensionConfig().isEmpty()) {
      return Extension.none();
    }
    ExtensionSettings extension = ExtensionConfigLoader.load(Path.of(settings.getExtensionConfig()));
    extension.warnings().forEach(w -> LOG.warn("{}", w));
    return Extension.connect(extension);
  }

  /** The same pipeline {@code translate} runs, so serving and translating cannot drift apart. */
  @Singleton
  Pipeline pipeline(ServeSettings settings, Extension extension) {
    return Pipelines.create(settings.translatorConfig(), extension);
  }
}
