package dev.tollgate.cli;

import dev.tollgate.app.Pipelines;
import dev.tollgate.extension.Extension;
import dev.tollgate.extension.config.ExtensionConfigException;
import dev.tollgate.extension.config.ExtensionConfigLoader;
import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.input.ResourceSet;
import dev.tollgate.translator.pipeline.TranslationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options that decide how manifests translate, shared by every command that translates
 * ({@code translate}, {@code explain}, {@code diff}), and the translation itself: one pipeline,
 * whichever command asks.
 */
final class TranslationOptions {

  @Option(names = "--controller-name", paramLabel = "NAME", defaultValue = TranslatorConfig.DEFAULT_CONTROLLER_NAME,
      description = "GatewayClasses with this controllerName are translated (default: ${DEFAULT-VALUE}).")
  String controllerName;

  @Option(names = "--enable-backend", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Allow references to Envoy Gateway's Backend kind (default: true; --no-enable-backend refuses them).")
  boolean enableBackend;

  @Option(names = "--enable-envoy-patch-policy", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Apply EnvoyPatchPolicies (default: true; --no-enable-envoy-patch-policy reports them as disabled).")
  boolean enableEnvoyPatchPolicy;

  @Option(names = "--extension-config", paramLabel = "FILE",
      description = "Call an extension server's hooks, configured as Envoy Gateway's extensionManager "
          + "(an EnvoyGateway file, Envoy Gateway's ConfigMap holding one, or the extensionManager mapping alone).")
  Path extensionConfig;

  @CommandLine.Mixin ReadLimitOptions limits;

  @CommandLine.Mixin WasmOptions wasm;

  /** What one set of manifests translated to, and what was read. */
  record Translated(TranslationResult result, ResourceSet resources) {}

  /** A connection to the extension server, if one is configured, for the translations of one command. */
  final class Session implements AutoCloseable {
    private final Extension extension;
    private final TranslatorConfig config;

    private Session(Extension extension) {
      this.extension = extension;
      this.config = TranslatorConfig.offline().withControllerName(controllerName)
          .withBackendsEnabled(enableBackend).withEnvoyPatchPolicyEnabled(enableEnvoyPatchPolicy)
          .withWasmModules(wasm.modules());
    }

    /** Reads and translates; empty (after saying why on {@code err}) when an input cannot be read. */
    Optional<Translated> translate(List<String> files, PrintWriter err) {
      ManifestReader reader = new ManifestReader(extension.kinds(), limits.limits());
      ManifestFiles input = new ManifestFiles();
      input.files = files;
      if (!input.readInto(reader, err)) {
        return Optional.empty();
      }
      TranslationResult result = Pipelines.create(config, extension).run(reader.resources(), reader.problems());
      return Optional.of(new Translated(result, reader.resources()));
    }

    @Override
    public void close() {
      extension.close();
    }
  }

  /** Opens a session; empty (after saying why) when the extension configuration cannot be used. */
  Optional<Session> open(PrintWriter err) {
    if (extensionConfig == null) {
      return Optional.of(new Session(Extension.none()));
    }
    try {
      ExtensionSettings settings = ExtensionConfigLoader.load(extensionConfig);
      settings.warnings().forEach(w -> err.println("warning: " + w));
      return Optional.of(new Session(Extension.connect(settings)));
    } catch (ExtensionConfigException e) {
      err.println("tollgate: " + e.getMessage());
      return Optional.empty();
    }
  }
}
