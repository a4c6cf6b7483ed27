package dev.tollgate.serve;

import dev.tollgate.app.Pipelines;
import dev.tollgate.extension.Extension;
import dev.tollgate.extension.config.ExtensionConfigException;
import dev.tollgate.extension.config.ExtensionConfigLoader;
import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.translator.input.ReadLimits;
import dev.tollgate.translator.pipeline.Pipeline;
import dev.tollgate.translator.wasm.WasmModules;
import dev.tollgate.wasm.ModuleFetcher;
import dev.tollgate.wasm.WasmCache;
import dev.tollgate.wasm.WasmModuleServer;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
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

  /** Where Wasm modules are kept; read by the fetcher and the module server. */
  @Singleton
  WasmCache wasmCache(ServeSettings settings) {
    return new WasmCache(Path.of(settings.getWasm().getCacheDir()),
        ReadLimits.parseSize(settings.getWasm().getCacheSize()));
  }

  /** The module server proxies fetch Wasm modules from, when there is a name to reach it by. */
  @Singleton
  @Bean(preDestroy = "close")
  WasmServing wasmServing(ServeSettings settings, WasmCache cache) throws IOException {
    ServeSettings.WasmModules wasm = settings.getWasm();
    if (wasm.getAdvertisedHost() == null || wasm.getAdvertisedHost().isEmpty()) {
      LOG.info("tollgate.wasm.advertised-host is not set: no Wasm module server runs, and policies with Wasm fail closed");
      return new WasmServing(null, null);
    }
    WasmModuleServer server = new WasmModuleServer(cache, new InetSocketAddress(wasm.bindHost(), wasm.port()));
    LOG.info("serving Wasm modules on {} as {}:{}", wasm.getAddress(), wasm.getAdvertisedHost(), server.port());
    return new WasmServing(server, new WasmModules.Server(wasm.getAdvertisedHost(), server.port()));
  }

  /** The same pipeline {@code translate} runs, so serving and translating cannot drift apart. */
  @Singleton
  Pipeline pipeline(ServeSettings settings, Extension extension, WasmCache cache, WasmServing serving) {
    ModuleFetcher modules = new ModuleFetcher(cache, serving.advertised(), Set.copyOf(settings.getWasm().getInsecureRegistries()),
        Clock.systemUTC());
    return Pipelines.create(settings.translatorConfig(modules), extension);
  }

  /** The running module server, if any, and the address proxies reach it at. */
  record WasmServing(WasmModuleServer server, WasmModules.Server advertised) implements AutoCloseable {
    @Override
    public void close() {
      if (server != null) {
        server.close();
      }
    }
  }
}
