package dev.tollgate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.app.Pipelines;
import dev.tollgate.extension.Extension;
import dev.tollgate.extension.config.ExtensionConfigException;
import dev.tollgate.extension.config.ExtensionConfigLoader;
import dev.tollgate.extension.config.ExtensionSettings;
import dev.tollgate.translator.TranslatorConfig;
import dev.tollgate.translator.input.ManifestReader;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.pipeline.TranslationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tollgate translate}: print the Envoy configuration and statuses a set of manifests produces. */
@Command(
    name = "translate",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the Envoy configuration a set of manifests produces.",
      "Translates Gateway API and Envoy Gateway resources into the Envoy configuration each Gateway's "
          + "proxies would be served, and the status each object would get. Same input, same bytes."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success (objects may still have been rejected; see statuses)",
      "1:internal error",
      "2:invalid command line",
      "3:an input could not be read",
      "4:with --strict, an object was rejected"
    })
final class TranslateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ManifestFiles input;

  @Option(names = {"-o", "--output"}, defaultValue = "yaml", paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  OutputFormat format;

  @Option(names = "--strict", description = "Exit with 4 when any object is rejected.")
  boolean strict;

  @Option(names = "--show-secrets",
      description = "Print private keys in full. By default they are replaced by a digest so output can be shared.")
  boolean showSecrets;

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

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    ExtensionSettings extensionSettings = null;
    if (extensionConfig != null) {
      try {
        extensionSettings = ExtensionConfigLoader.load(extensionConfig);
        extensionSettings.warnings().forEach(w -> err.println("warning: " + w));
      } catch (ExtensionConfigException e) {
        err.println("tollgate: " + e.getMessage());
        return ExitCodes.UNREADABLE_INPUT;
      }
    }
    try (Extension extension = extensionSettings == null ? Extension.none() : Extension.connect(extensionSettings)) {
      return translate(extension, err);
    }
  }

  private int translate(Extension extension, PrintWriter err) {
    ManifestReader reader = new ManifestReader(extension.kinds(), limits.limits());
    if (!input.readInto(reader, err)) {
      return ExitCodes.UNREADABLE_INPUT;
    }
    TranslatorConfig config = TranslatorConfig.offline().withControllerName(controllerName)
        .withBackendsEnabled(enableBackend).withEnvoyPatchPolicyEnabled(enableEnvoyPatchPolicy)
        .withWasmModules(wasm.modules());
    TranslationResult result = Pipelines.create(config, extension).run(reader.resources(), reader.problems());
    new TranslateReport(result, reader.resources().size()).print(err, strict);
    ObjectNode document = TranslationDocument.build(result,
        showSecrets ? TranslationDocument.Secrets.SHOWN : TranslationDocument.Secrets.REDACTED);
    PrintWriter out = spec.commandLine().getOut();
    out.print(format.print(document));
    out.flush();
    err.flush();
    return strict && result.rejectedAnything() ? ExitCodes.REJECTED : ExitCodes.OK;
  }
}
