package dev.tollgate.translator.validate;

import com.google.protobuf.Message;
import dev.tollgate.translator.xds.XdsType;
import io.envoyproxy.envoy.config.core.v3.Address;
import io.envoyproxy.envoy.config.core.v3.SocketAddress;
import io.envoyproxy.envoy.config.listener.v3.Listener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two listeners may not listen on the same address: Envoy refuses the second ("has duplicate
 * address ... as existing listener"). Addresses are compared as Envoy compares them — the same
 * socket type (UDP or stream), IP and port, unix socket path or internal listener name — over
 * each listener's address and additional addresses. Port 0 is exempt when the first listener
 * binds, since each bind then gets a port of its own.
 */
final class ListenerAddresses {

  private ListenerAddresses() {}

  private record Owner(String listener, String shown, boolean binds) {}

  static void check(List<? extends Message> listeners, List<Violation> violations) {
    Map<String, Owner> seen = new HashMap<>();
    for (Message m : listeners) {
      Listener l = (Listener) m;
      ViolationSink sink = new ViolationSink(() -> XdsType.LISTENER.label() + " " + l.getName(), violations);
      boolean binds = !l.hasBindToPort() || l.getBindToPort().getValue();
      List<Address> addresses = new ArrayList<>();
      List<FieldPath> paths = new ArrayList<>();
      if (l.hasAddress()) {
        addresses.add(l.getAddress());
        paths.add(FieldPath.ROOT.field("address"));
      }
      for (int i = 0; i < l.getAdditionalAddressesCount(); i++) {
        addresses.add(l.getAdditionalAddresses(i).getAddress());
        paths.add(FieldPath.ROOT.field("additional_addresses").index(i).field("address"));
      }
      Map<String, Owner> mine = new HashMap<>();
      for (int i = 0; i < addresses.size(); i++) {
        Address a = addresses.get(i);
        String key = key(a);
        if (key == null) {
          continue;
        }
        Owner owner = seen.get(key);
        boolean exempt = owner != null && owner.binds() && a.hasSocketAddress() && a.getSocketAddress().getPortValue() == 0;
        if (owner != null && !exempt && !owner.listener().equals(l.getName())) {
          sink.add(paths.get(i), "listener " + owner.listener() + " already listens on " + owner.shown());
        }
        mine.putIfAbsent(key, new Owner(l.getName(), shown(a), binds));
      }
      mine.forEach(seen::putIfAbsent);
    }
  }

  /** What Envoy compares: socket type and address; null for an address it does not listen on. */
  private static String key(Address a) {
    return switch (a.getAddressCase()) {
      case SOCKET_ADDRESS -> {
        SocketAddress s = a.getSocketAddress();
        String type = s.getProtocol() == SocketAddress.Protocol.UDP ? "udp" : "stream";
        yield type + " " + ip(s.getAddress()) + " " + s.getPortValue();
      }
      case PIPE -> "pipe " + a.getPipe().getPath();
      case ENVOY_INTERNAL_ADDRESS -> "internal " + a.getEnvoyInternalAddress().getServerListenerName();
      default -> null;
    };
  }

  private static String ip(String address) {
    byte[] bytes = FilterChainMatches.literal(address);
    if (bytes == null) {
      return address.toLowerCase(Locale.ROOT);
    }
    try {
      return InetAddress.getByAddress(bytes).getHostAddress();
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private static String shown(Address a) {
    return switch (a.getAddressCase()) {
      case SOCKET_ADDRESS -> {
        SocketAddress s = a.getSocketAddress();
        String host = s.getAddress().contains(":") ? "[" + s.getAddress() + "]" : s.getAddress();
        yield host + ":" + s.getPortValue() + (s.getProtocol() == SocketAddress.Protocol.UDP ? " (UDP)" : "");
      }
      case PIPE -> "unix:" + a.getPipe().getPath();
      default -> "internal listener " + a.getEnvoyInternalAddress().getServerListenerName();
    };
  }
}
