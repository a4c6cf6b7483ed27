package dev.tollgate.cli;

import dev.tollgate.app.NetworkAddress;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Options that take an address, parsed by {@link NetworkAddress}; a bad one is a usage error
 * naming the option, the value and the forms expected.
 */
final class AddressConverters {
  private AddressConverters() {}

  /** Where Tollgate listens, over TCP or a unix socket. */
  static final class Listening extends Converter<NetworkAddress> {
    Listening() {
      super(NetworkAddress::listening);
    }
  }

  /** Where Tollgate listens, over TCP only. */
  static final class ListeningTcp extends Converter<NetworkAddress.Tcp> {
    ListeningTcp() {
      super(NetworkAddress::listeningTcp);
    }
  }

  /** Where a proxy connects to Tollgate. */
  static final class Connecting extends Converter<NetworkAddress> {
    Connecting() {
      super(NetworkAddress::connecting);
    }
  }

  private abstract static class Converter<T> implements CommandLine.ITypeConverter<T> {
    private final Function<String, T> parse;

    Converter(Function<String, T> parse) {
      this.parse = parse;
    }

    @Override
    public T convert(String value) {
      try {
        return parse.apply(value);
      } catch (IllegalArgumentException e) {
        // picocli puts "Invalid value for option '--name': " in front of this message.
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
