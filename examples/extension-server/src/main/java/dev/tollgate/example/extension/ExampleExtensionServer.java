package dev.tollgate.example.extension;

import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs {@link ExampleExtension} on a TCP port. */
@Command(name = "example-extension-server", mixinStandardHelpOptions = true,
    description = "Serves the example extension (Envoy Gateway's extension protocol) until stopped.")
public final class ExampleExtensionServer implements Callable<Integer> {

  @Option(names = "--address", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String address;

  @Option(names = "--port", defaultValue = "5005", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ExampleExtensionServer()).execute(args));
  }

  /** Starts the extension on an address; port 0 picks a free one. */
  public static Server start(String address, int port) throws IOException {
    return NettyServerBuilder.forAddress(new InetSocketAddress(address, port))
        .addService(new ExampleExtension())
        .directExecutor()
        .build()
        .start();
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    Server server = start(address, port);
    System.err.println("example extension listening on " + address + ":" + server.getPort());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.shutdown();
      try {
        server.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    server.awaitTermination();
    return 0;
  }
}
