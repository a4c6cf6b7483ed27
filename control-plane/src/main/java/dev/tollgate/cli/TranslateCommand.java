package dev.tollgate.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.pipeline.TranslationResult;
import java.io.PrintWriter;
import java.util.Optional;
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

  @CommandLine.Mixin TranslationOptions translation;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Optional<TranslationOptions.Session> session = translation.open(err);
    if (session.isEmpty()) {
      return ExitCodes.UNREADABLE_INPUT;
    }
    try (TranslationOptions.Session s = session.get()) {
      Optional<TranslationOptions.Translated> translated = s.translate(input.files, err);
      if (translated.isEmpty()) {
        return ExitCodes.UNREADABLE_INPUT;
      }
      TranslationResult result = translated.get().result();
      new TranslateReport(result, translated.get().resources().size()).print(err, strict);
      ObjectNode document = TranslationDocument.build(result,
          showSecrets ? TranslationDocument.Secrets.SHOWN : TranslationDocument.Secrets.REDACTED);
      PrintWriter out = spec.commandLine().getOut();
      out.print(format.print(document));
      out.flush();
      err.flush();
      return strict && result.rejectedAnything() ? ExitCodes.REJECTED : ExitCodes.OK;
    }
  }
}
