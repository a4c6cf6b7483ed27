package dev.tollgate.review.routes;

import com.google.protobuf.Any;
import dev.tollgate.review.envoy.PerFilterConfigs;
import io.envoyproxy.envoy.extensions.filters.http.cors.v3.CorsPolicy;
import io.envoyproxy.envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor;
import io.envoyproxy.envoy.extensions.filters.http.lua.v3.Lua;
import io.envoyproxy.envoy.extensions.filters.http.wasm.v3.Wasm;
import io.envoyproxy.envoy.extensions.filters.network.http_connection_manager.v3.HttpFilter;

/** Lua, external processing, Wasm and CORS on a route: what runs, and where it comes from. */
final class ExtensionReading {

  private ExtensionReading() {}

  static void read(StepBuilder step, HttpFilter f, Any perRoute, GatewayConfig config) {
    switch (step.type) {
      case "lua" -> {
        Lua lua = PerFilterConfigs.unpack(f.getTypedConfig(), Lua.class);
        step.protects(Protection.LUA, true);
        String code = lua.getDefaultSourceCode().getInlineString();
        step.detail("Lua script" + (code.isEmpty() ? "" : " (" + code.lines().count() + " lines)"));
      }
      case "ext_proc" -> {
        ExternalProcessor p = PerFilterConfigs.unpack(f.getTypedConfig(), ExternalProcessor.class);
        String cluster = p.getGrpcService().getEnvoyGrpc().getClusterName();
        step.protects(Protection.EXT_PROC, !p.getFailureModeAllow());
        step.detail("external processor, cluster " + cluster + " at " + Endpoints.of(config, cluster).addresses());
        step.detail(p.getFailureModeAllow() ? "fails open: requests go on when the processor cannot answer"
            : "fails closed: requests are refused when the processor cannot answer");
      }
      case "wasm" -> {
        Wasm w = PerFilterConfigs.unpack(f.getTypedConfig(), Wasm.class);
        var vm = w.getConfig().getVmConfig();
        step.protects(Protection.WASM, !w.getConfig().getFailOpen());
        String code = vm.getCode().hasRemote() ? vm.getCode().getRemote().getHttpUri().getUri()
            + " (sha256 " + vm.getCode().getRemote().getSha256() + ")" : "a local module";
        step.detail("Wasm module " + w.getConfig().getName() + " from " + code);
      }
      default -> {
        if (perRoute != null && perRoute.is(CorsPolicy.class)) {
          CorsPolicy cors = PerFilterConfigs.unpack(perRoute, CorsPolicy.class);
          step.detail("CORS: origins " + String.join(", ", cors.getAllowOriginStringMatchList().stream()
              .map(dev.tollgate.review.envoy.StringMatching::describe).toList())
              + (cors.getAllowMethods().isEmpty() ? "" : "; methods " + cors.getAllowMethods()));
        } else {
          step.detail("CORS: no policy on this route");
        }
      }
    }
  }
}
