package dev.tollgate.serve.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.serve.TranslationLoop;
import dev.tollgate.serve.snapshot.GatewaySnapshots;
import dev.tollgate.serve.xds.XdsServer;
import dev.tollgate.translator.json.Mappers;
import dev.tollgate.translator.output.TranslationDocument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each Gateway's proxies are being served, in the format {@code translate} prints (private
 * keys replaced by a digest), and the status every object would be written with.
 */
@Controller
public final class ConfigDumpController {

  private final GatewaySnapshots snapshots;
  private final TranslationLoop loop;
  private final XdsServer xds;

  public ConfigDumpController(GatewaySnapshots snapshots, TranslationLoop loop, XdsServer xds) {
    this.snapshots = snapshots;
    this.loop = loop;
    this.xds = xds;
  }

  /** {@code /config_dump}, or {@code /config_dump?gateway=ns/name} for one Gateway. */
  @Get("/config_dump")
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<String> configDump(@QueryValue(defaultValue = "") String gateway) {
    var served = new TreeMap<>(snapshots.all());
    if (!gateway.isEmpty()) {
      if (!served.containsKey(gateway)) {
        return HttpResponse.notFound("{\"error\": \"no configuration is served for gateway " + gateway.replace("\"", "") + "\"}");
      }
      served = new TreeMap<>(Map.of(gateway, served.get(gateway)));
    }
    ObjectNode doc = Mappers.json().createObjectNode();
    doc.set("xds", TranslationDocument.xds(served, TranslationDocument.Secrets.REDACTED));
    return HttpResponse.ok(TranslationDocument.toJson(doc));
  }

  /**
   * {@code /statuses}: the statuses of the last translation, as {@code translate} prints them;
   * the problems that hold now (unreadable files, refused objects, Gateways kept on their last
   * configuration, False conditions, a failed translation); and what proxies refuse now (NACKs).
   */
  @Get("/statuses")
  @Produces(MediaType.APPLICATION_JSON)
  public HttpResponse<String> statuses() {
    return loop.last()
        .map(r -> {
          ObjectNode doc = Mappers.json().createObjectNode();
          doc.set("problems", Mappers.json().valueToTree(loop.lastProblems()));
          doc.set("nacks", Mappers.json().valueToTree(xds.currentNacks()));
          doc.set("statuses", Mappers.json().valueToTree(r.statuses()));
          return HttpResponse.ok(TranslationDocument.toJson(doc));
        })
        .orElseGet(() -> HttpResponse.<String>serverError().body("{\"error\": \"no translation has finished yet\"}"));
  }
}
