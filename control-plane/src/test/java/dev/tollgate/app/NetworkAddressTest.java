package dev.tollgate.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkAddressTest {

  @Test
  void connecting_readsEachForm_ipv6WithoutItsBrackets() {
    assertThat(NetworkAddress.connecting("127.0.0.1:18000")).isEqualTo(new NetworkAddress.Tcp("127.0.0.1", 18000));
    assertThat(NetworkAddress.connecting("tollgate.tollgate-system.svc:18000"))
        .isEqualTo(new NetworkAddress.Tcp("tollgate.tollgate-system.svc", 18000));
    assertThat(NetworkAddress.connecting("[::1]:18000")).isEqualTo(new NetworkAddress.Tcp("::1", 18000));
    assertThat(NetworkAddress.connecting("unix:/run/tollgate/xds.sock")).isEqualTo(new NetworkAddress.Unix("/run/tollgate/xds.sock"));
  }

  @Test
  void toString_isTheFormItWasReadFrom() {
    for (String text : new String[] {"127.0.0.1:18000", "[::1]:18000", "example.com:1", "unix:/run/x.sock"}) {
      assertThat(NetworkAddress.connecting(text)).hasToString(text);
    }
  }

  @Test
  void isIpLiteral_tellsAddressesFromNames() {
    assertThat(new NetworkAddress.Tcp("10.0.0.1", 1).isIpLiteral()).isTrue();
    assertThat(new NetworkAddress.Tcp("fd00::1", 1).isIpLiteral()).isTrue();
    assertThat(new NetworkAddress.Tcp("tollgate.example", 1).isIpLiteral()).isFalse();
  }

  @Test
  void mistakes_nameTheValueWhatIsWrongAndTheFormsExpected() {
    String forms = "; expected HOST:PORT, [IPv6]:PORT or unix:/path";
    assertThatThrownBy(() -> NetworkAddress.connecting("127.0.0.1")).hasMessage("'127.0.0.1' has no port" + forms);
    assertThatThrownBy(() -> NetworkAddress.connecting("host:notaport")).hasMessage("'host:notaport' has a port that is not a number" + forms);
    assertThatThrownBy(() -> NetworkAddress.connecting("host:65536")).hasMessage("'host:65536' has port 65536, not between 1 and 65535" + forms);
    assertThatThrownBy(() -> NetworkAddress.connecting("host:0")).hasMessage("'host:0' has port 0, not between 1 and 65535" + forms);
    assertThatThrownBy(() -> NetworkAddress.connecting("host:99999999999")).hasMessageContaining("not between 1 and 65535");
    assertThatThrownBy(() -> NetworkAddress.connecting(":18000")).hasMessage("':18000' has no host" + forms);
    assertThatThrownBy(() -> NetworkAddress.connecting("[::1]")).hasMessage("'[::1]' has no port" + forms);
    assertThatThrownBy(() -> NetworkAddress.connecting("::1:18000")).hasMessage("'::1:18000' has an IPv6 address without brackets" + forms);
    assertThatThrownBy(() -> NetworkAddress.connecting("[::1:18000")).hasMessageContaining("unclosed bracket");
    assertThatThrownBy(() -> NetworkAddress.connecting("[example.com]:1")).hasMessageContaining("not an IPv6 address");
    assertThatThrownBy(() -> NetworkAddress.connecting("unix:")).hasMessage("'unix:' has no socket path" + forms);
  }

  @Test
  void listening_allowsPortZero_andTcpOnlyRefusesUnixSockets() {
    assertThat(NetworkAddress.listening("127.0.0.1:0")).isEqualTo(new NetworkAddress.Tcp("127.0.0.1", 0));
    assertThat(NetworkAddress.listeningTcp("[::]:19000")).isEqualTo(new NetworkAddress.Tcp("::", 19000));
    assertThatThrownBy(() -> NetworkAddress.listeningTcp("unix:/run/admin.sock"))
        .hasMessage("'unix:/run/admin.sock' is a unix socket, which is not supported here; expected HOST:PORT or [IPv6]:PORT");
    assertThatThrownBy(() -> NetworkAddress.listeningTcp("localhost")).hasMessage("'localhost' has no port; expected HOST:PORT or [IPv6]:PORT");
  }
}
