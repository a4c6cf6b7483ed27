package dev.tollgate.translator.extension;

import com.google.protobuf.Message;
import dev.tollgate.translator.ir.ExtensionResourceIr;
import dev.tollgate.translator.model.ObjectKey;
import dev.tollgate.translator.pipeline.OutputStage;
import dev.tollgate.translator.pipeline.TranslationContext;
import dev.tollgate.translator.validate.Violation;
import dev.tollgate.translator.validate.XdsValidator;
import dev.tollgate.translator.xds.GatewayXds;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.cluster.v3.Cluster;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import io.envoyproxy.envoy.config.route.v3.RouteConfiguration;
import io.envoyproxy.envoy.extensions.transport_sockets.tls.v3.Secret;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The translation hook: once per Gateway, after EnvoyPatchPolicies, with the Gateway's clusters
 * and secrets (and its listeners and routes when the settings include them). What the extension
 * returns replaces every type it was sent. Load assignments are not sent; those whose cluster is
 * gone are dropped.
 */
public final class TranslationHookStage implements OutputStage {

  private final ExtensionHooks hooks;
  private final HookSettings settings;
  private final XdsValidator validator;

  public TranslationHookStage(ExtensionHooks hooks, HookSettings settings, XdsValidator validator) {
    this.hooks = hooks;
    this.settings = settings;
    this.validator = validator;
  }

  @Override
  public void apply(TranslationContext context) {
    if (!settings.isEnabled(Hook.TRANSLATION)) {
      return;
    }
    List<ExtensionResourceIr> policies = new ExtensionObjects(context.resources(), context.config().extensionKinds()).allPolicies();
    Map<String, ObjectKey> sources = new HashMap<>();
    context.ir().gateways().forEach(g -> sources.put(g.name(), g.source()));
    HookCalls.Circuit circuit = new HookCalls.Circuit();
    for (GatewayXds gateway : List.copyOf(context.gateways().values())) {
      HookCalls calls = new HookCalls(settings, validator, context, gateway.gateway(), circuit);
      try {
        context.replace(run(gateway, sources.get(gateway.gateway()), policies, calls));
      } catch (HookCalls.Failure failure) {
        HookCalls.withhold(context, gateway.gateway(), failure);
      }
    }
  }

  private GatewayXds run(GatewayXds gateway, ObjectKey source, List<ExtensionResourceIr> policies, HookCalls calls)
      throws HookCalls.Failure {
    HookSettings.TranslationScope scope = settings.translation();
    TranslationResources sent = new TranslationResources(
        scope.clusters() ? cast(gateway.resources(XdsType.CLUSTER), Cluster.class) : List.of(),
        scope.secrets() ? cast(gateway.resources(XdsType.SECRET), Secret.class) : List.of(),
        scope.listeners() ? cast(gateway.resources(XdsType.LISTENER), Listener.class) : List.of(),
        scope.routes() ? cast(gateway.resources(XdsType.ROUTE), RouteConfiguration.class) : List.of());
    String resource = "Gateway " + gateway.gateway();
    TranslationResources returned;
    try {
      returned = calls.call(() -> hooks.postTranslateModify(sent, policies));
    } catch (ExtensionHookException e) {
      return calls.failed(Hook.TRANSLATION, resource, gateway, e);
    }
    if (returned == null) {
      return gateway;
    }
    String duplicate = firstDuplicate(XdsType.CLUSTER, returned.clusters());
    duplicate = duplicate != null ? duplicate : firstDuplicate(XdsType.SECRET, returned.secrets());
    duplicate = duplicate != null ? duplicate : firstDuplicate(XdsType.LISTENER, returned.listeners());
    duplicate = duplicate != null ? duplicate : firstDuplicate(XdsType.ROUTE, returned.routes());
    if (duplicate != null) {
      return calls.failed(Hook.TRANSLATION, resource, gateway, "returned more than one " + duplicate);
    }
    GatewayXds.Builder out = gateway.toBuilder();
    if (scope.clusters()) {
      replaceAll(out, XdsType.CLUSTER, returned.clusters(), source);
    }
    if (scope.secrets()) {
      replaceAll(out, XdsType.SECRET, returned.secrets(), source);
    }
    if (scope.listeners()) {
      replaceAll(out, XdsType.LISTENER, returned.listeners(), source);
    }
    if (scope.routes()) {
      replaceAll(out, XdsType.ROUTE, returned.routes(), source);
    }
    GatewayResources.pruneUnusedEndpoints(out);
    GatewayXds modified = out.build();
    List<Violation> violations = validator.validate(modified);
    if (!violations.isEmpty()) {
      return calls.failed(Hook.TRANSLATION, resource, gateway,
          "returned configuration Envoy would reject: " + HookCalls.describe(violations));
    }
    List<String> weakened = settings.allowAuthorizationChanges() ? List.of() : weakened(gateway, modified);
    if (!weakened.isEmpty()) {
      return calls.failed(Hook.TRANSLATION, resource, gateway, HookCalls.weakening(weakened));
    }
    return modified;
  }

  /** What the answer would weaken of the listeners' and routes' authorization (see {@link AuthorizationGuard}). */
  private static List<String> weakened(GatewayXds before, GatewayXds after) {
    List<String> out = new java.util.ArrayList<>();
    for (Message m : before.resources(XdsType.LISTENER)) {
      Listener was = (Listener) m;
      Listener now = (Listener) after.resource(XdsType.LISTENER, was.getName()).orElse(null);
      out.addAll(AuthorizationGuard.listener(was, now == null ? Listener.getDefaultInstance() : now));
    }
    for (Message m : before.resources(XdsType.ROUTE)) {
      RouteConfiguration was = (RouteConfiguration) m;
      RouteConfiguration now = (RouteConfiguration) after.resource(XdsType.ROUTE, was.getName()).orElse(null);
      out.addAll(AuthorizationGuard.routeConfiguration(was, now == null ? RouteConfiguration.getDefaultInstance() : now));
    }
    return out;
  }

  /** The returned list becomes the type's resources; new ones are attributed to the Gateway. */
  private static void replaceAll(GatewayXds.Builder out, XdsType type, List<? extends Message> returned, ObjectKey source) {
    Set<String> kept = new HashSet<>();
    returned.forEach(m -> kept.add(type.nameOf(m)));
    for (Message existing : out.resources(type)) {
      if (!kept.contains(type.nameOf(existing))) {
        out.remove(type, type.nameOf(existing));
      }
    }
    for (Message m : returned) {
      boolean isNew = !out.contains(type, type.nameOf(m));
      out.put(type, m);
      if (isNew && source != null) {
        out.addSources(type, type.nameOf(m), List.of(source));
      }
    }
  }

  private static String firstDuplicate(XdsType type, List<? extends Message> returned) {
    Set<String> names = new HashSet<>();
    for (Message m : returned) {
      if (!names.add(type.nameOf(m))) {
        return type.label() + " named \"" + type.nameOf(m) + "\"";
      }
    }
    return null;
  }

  private static <T> List<T> cast(List<Message> messages, Class<T> type) {
    return messages.stream().map(type::cast).toList();
  }
}
