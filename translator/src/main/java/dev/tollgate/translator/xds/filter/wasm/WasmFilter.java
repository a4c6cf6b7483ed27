package dev.tollgate.translator.xds.filter.wasm;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import dev.tollgate.translator.ir.ExtensionsIr;
import dev.tollgate.translator.ir.GatewayIr;
import dev.tollgate.translator.ir.HttpListenerIr;
import dev.tollgate.translator.ir.RouteIr;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.Protos;
import dev.tollgate.translator.xds.XdsStage;
import dev.tollgate.translator.xds.filter.HttpFilterContributor;
import dev.tollgate.translator.xds.filter.PerRouteFilters;
import io.envoyproxy.envoy.config.core.v3.AsyncDataSource;
import io.envoyproxy.envoy.config.core.v3.HttpUri;
import io.envoyproxy.envoy.config.core.v3.RemoteDataSource;
import io.envoyproxy.envoy.config.route.v3.Route;
import io.envoyproxy.envoy.extensions.filters.http.wasm.v3.Wasm;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;
import io.envoyproxy.envoy.extensions.wasm.v3.EnvironmentVariables;
import io.envoyproxy.envoy.extensions.wasm.v3.PluginConfig;
import io.envoyproxy.envoy.extensions.wasm.v3.VmConfig;
import java.util.List;

/**
 * Envoy's Wasm filter, one per module of an EnvoyExtensionPolicy, disabled on the listener and
 * enabled on the policy's routes, after the Lua scripts and external processors. The module is
 * fetched from Tollgate's module server and checked against its sha256 by the proxy; the proxy
 * never reaches the module's registry.
 */
public final class WasmFilter implements HttpFilterContributor {

  public static final String NAME = "envoy.filters.http.wasm";
  static final String RUNTIME = "envoy.wasm.runtime.v8";
  private static final long FETCH_TIMEOUT_MILLIS = 10_000;

  @Override
  public String filterName() {
    return NAME;
  }

  @Override
  public int order() {
    return 500;
  }

  @Override
  public List<HttpFilter> httpFilters(GatewayIr gateway, List<HttpListenerIr> listeners) {
    return PerRouteFilters.disabledEach(listeners, WasmFilter::modules, ExtensionsIr.Wasm::filterName, WasmFilter::config);
  }

  @Override
  public void configureRoute(RouteIr route, Route.Builder envoyRoute) {
    modules(route).forEach(m -> PerRouteFilters.enable(envoyRoute, m.filterName()));
  }

  @Override
  public void addResources(GatewayIr gateway, GatewayXds.Builder out) {
    for (HttpListenerIr l : gateway.httpListeners()) {
      for (RouteIr r : l.routes()) {
        modules(r).forEach(m -> XdsStage.addDestination(out, m.server()));
      }
    }
  }

  static Wasm config(ExtensionsIr.Wasm m) {
    VmConfig.Builder vm = VmConfig.newBuilder()
        .setVmId(m.name())
        .setRuntime(RUNTIME)
        .setCode(AsyncDataSource.newBuilder().setRemote(RemoteDataSource.newBuilder()
            .setHttpUri(HttpUri.newBuilder().setUri(m.url()).setCluster(m.server().name()).setTimeout(Protos.millis(FETCH_TIMEOUT_MILLIS)))
            .setSha256(m.sha256())));
    if (!m.hostKeys().isEmpty()) {
      vm.setEnvironmentVariables(EnvironmentVariables.newBuilder().addAllHostEnvKeys(m.hostKeys()));
    }
    PluginConfig.Builder plugin = PluginConfig.newBuilder().setName(m.name()).setRootId(m.rootId()).setVmConfig(vm)
        .setFailOpen(m.failOpen());
    if (m.configuration() != null) {
      plugin.setConfiguration(Any.pack(StringValue.of(m.configuration())));
    }
    return Wasm.newBuilder().setConfig(plugin).build();
  }

  private static List<ExtensionsIr.Wasm> modules(RouteIr r) {
    return r.extensionFilters() == null ? List.of() : r.extensionFilters().wasm();
  }
}
