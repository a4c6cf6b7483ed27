package dev.tollgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.review.envoy.HttpRequest;
import dev.tollgate.review.explain.ExplainText;
import dev.tollgate.review.explain.Explainer;
import dev.tollgate.review.explain.Explanation;
import dev.tollgate.review.explain.ProtectionAssertion;
import dev.tollgate.review.explain.RouteTable;
import dev.tollgate.review.routes.GatewayConfig;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.output.TranslationDocument;
import dev.tollgate.translator.pipeline.Problem;
import dev.tollgate.translator.pipeline.TranslationResult;
import dev.tollgate.translator.xds.GatewayXds;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tollgate explain}: what Envoy does with a request, or which protections each route has. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explains what Envoy does with a request, or how routes are guarded.",
      "Translates the manifests, then follows REQUEST through the Gateway's generated configuration as Envoy "
          + "would: listener, virtual host, the route that matches (and why the ones before it did not), every HTTP "
          + "filter and whether it runs, and the backend. With --routes, lists every route with its "
          + "authentication, authorization and extensions; --assert checks them."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:explained; every --assert holds",
      "1:internal error",
      "2:invalid command line, or no such Gateway",
      "3:an input could not be read",
      "4:an --assert does not hold, or the Gateway was not translated"
    })
final class ExplainCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ManifestFiles input;

  @CommandLine.Mixin TranslationOptions translation;

  @Parameters(arity = "0..1", paramLabel = "REQUEST",
      description = "[METHOD] URL, e.g. 'GET https://foo.bar.com/test-opa/get'.")
  String request;

  @Option(names = "--gateway", paramLabel = "NS/NAME", description = "The Gateway (default: the only one translated).")
  String gateway;

  @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'", description = "A request header. Repeatable.")
  List<String> headers = new ArrayList<>();

  @Option(names = "--source", paramLabel = "IP", description = "The client's address, for rules on it.")
  String source;

  @Option(names = "--jwt-claims", paramLabel = "JSON",
      description = "The claims of a token the request carries, taken as verified (explain checks no signature).")
  String jwtClaims;

  @Option(names = "--routes", description = "List every route with the protections that apply to it.")
  boolean routes;

  @Option(names = "--assert", paramLabel = "EXPR",
      description = "SELECTOR... requires PROTECTION[|PROTECTION], e.g. 'path-prefix:/admin requires ext_authz', "
          + "'host:*.internal.example.com requires jwt' or 'backend:default/api requires authentication'. Selectors: "
          + "path-prefix:, reaches:, host:, route:, backend:, all. Implies --routes' reading. Repeatable.")
  List<String> assertions = new ArrayList<>();

  @Option(names = "--allow-empty",
      description = "An --assert that selects no route passes (by default it fails: a selector that selects nothing proves nothing).")
  boolean allowEmpty;

  @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "FORMAT",
      description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--output must be text or json, not " + format);
    }
    boolean table = routes || !assertions.isEmpty();
    if (table == (request != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give either a REQUEST or --routes/--assert");
    }
    List<ProtectionAssertion> parsed = new ArrayList<>();
    HttpRequest parsedRequest = null;
    try {
      for (String a : assertions) {
        parsed.add(ProtectionAssertion.parse(a));
      }
      if (request != null) {
        JsonNode claims = jwtClaims == null ? null : Mappers.json().readTree(jwtClaims);
        if (claims != null && !claims.isObject()) {
          throw new IllegalArgumentException("--jwt-claims must be a JSON object");
        }
        parsedRequest = HttpRequest.parse(request, headers, source, claims);
      }
    } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e instanceof IllegalArgumentException ? e.getMessage()
          : "--jwt-claims is not JSON: " + ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage());
    }
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
      new TranslateReport(result, translated.get().resources().size()).print(err, false);
      List<GatewayConfig> gateways = gateways(result, err);
      if (gateways == null) {
        return ExitCodes.USAGE;
      }
      if (gateways.isEmpty()) {
        err.println("tollgate: Gateway " + gateway + " was not translated (see above)");
        return ExitCodes.REJECTED;
      }
      int code = table ? routes(gateways, parsed, out) : explain(gateways.get(0), parsedRequest, out);
      out.flush();
      return code;
    }
  }

  /** The Gateway asked for (all of them for --routes without --gateway); null when it does not exist. */
  private List<GatewayConfig> gateways(TranslationResult result, PrintWriter err) {
    List<String> known = new ArrayList<>(result.gateways().keySet());
    List<String> withheld = result.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR)
        .map(Problem::gateway).filter(g -> !g.isEmpty()).distinct().toList();
    if (gateway == null) {
      if (request != null && known.size() != 1) {
        err.println("tollgate: " + (known.isEmpty() ? "no Gateway was translated" : "several Gateways were translated ("
            + String.join(", ", known) + "): choose one with --gateway"));
        return known.isEmpty() ? List.of() : null;
      }
      return known.stream().map(g -> new GatewayConfig(result.gateways().get(g))).toList();
    }
    GatewayXds xds = result.gateways().get(gateway);
    if (xds != null) {
      return List.of(new GatewayConfig(xds));
    }
    if (withheld.contains(gateway)) {
      return List.of();
    }
    err.println("tollgate: no Gateway " + gateway + " was translated" + (known.isEmpty() ? "" : "; translated: " + String.join(", ", known)));
    return null;
  }

  private int explain(GatewayConfig config, HttpRequest request, PrintWriter out) {
    Explanation e = Explainer.explain(config, request);
    out.print(format.equals("json") ? TranslationDocument.toJson(Mappers.json().valueToTree(e)) : ExplainText.render(e));
    return ExitCodes.OK;
  }

  private int routes(List<GatewayConfig> gateways, List<ProtectionAssertion> parsed, PrintWriter out) {
    List<RouteTable.Row> rows = new ArrayList<>();
    gateways.forEach(g -> rows.addAll(RouteTable.rows(g)));
    List<ProtectionAssertion.Result> results = parsed.stream().map(a -> a.check(rows, allowEmpty)).toList();
    if (format.equals("json")) {
      ObjectNode doc = Mappers.json().createObjectNode();
      if (routes || parsed.isEmpty()) {
        doc.set("routes", Mappers.json().valueToTree(rows));
      }
      if (!parsed.isEmpty()) {
        doc.set("assertions", Mappers.json().valueToTree(results));
      }
      out.print(TranslationDocument.toJson(doc));
    } else {
      if (routes) {
        out.print(ExplainText.table(rows));
      }
      if (!results.isEmpty()) {
        out.print(ExplainText.assertions(results));
      }
    }
    return results.stream().allMatch(ProtectionAssertion.Result::passed) ? ExitCodes.OK : ExitCodes.REJECTED;
  }
}
