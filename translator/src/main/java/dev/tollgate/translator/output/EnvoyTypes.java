package dev.tollgate.translator.output;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the descriptor of any protobuf type the Envoy API jar holds, from its type URL, without a
 * hand-kept list: Envoy's, xDS's and Google's protos map their package to a Java package by a fixed
 * rule. Registries for JSON printing and parsing are built from the types a message really uses.
 */
public final class EnvoyTypes {

  private static final String TYPE_URL_PREFIX = "type.googleapis.com/";

  /** Proto package prefix to Java package prefix, for the protos the Envoy API jar carries. */
  private static final List<String[]> PACKAGES = List.of(
      new String[] {"envoy.", "io.envoyproxy.envoy."},
      new String[] {"xds.", "com.github.xds."},
      new String[] {"udpa.", "com.github.udpa.udpa."},
      new String[] {"google.protobuf.", "com.google.protobuf."},
      new String[] {"google.rpc.", "com.google.rpc."},
      new String[] {"validate.", "io.envoyproxy.pgv.validate."},
      new String[] {"opentelemetry.", "io.opentelemetry."},
      new String[] {"io.prometheus.", "io.prometheus."});

  private static final Map<String, Optional<Descriptor>> DESCRIPTORS = new ConcurrentHashMap<>();
  private static final Map<Set<String>, JsonFormat.TypeRegistry> REGISTRIES = new ConcurrentHashMap<>();

  private EnvoyTypes() {}

  /** The descriptor of {@code type.googleapis.com/full.Name} (or of a bare full name). */
  public static Optional<Descriptor> descriptor(String typeUrl) {
    String fullName = typeUrl.substring(typeUrl.lastIndexOf('/') + 1);
    return DESCRIPTORS.computeIfAbsent(fullName, EnvoyTypes::lookup);
  }

  private static Optional<Descriptor> lookup(String fullName) {
    for (String[] mapping : PACKAGES) {
      if (!fullName.startsWith(mapping[0])) {
        continue;
      }
      String className = mapping[1] + fullName.substring(mapping[0].length());
      // Nested messages are inner classes: try a.b.C.D, then a.b.C$D, and so on.
      for (int i = 0; i < 4; i++) {
        Optional<Descriptor> d = load(className);
        if (d.isPresent() && d.get().getFullName().equals(fullName)) {
          return d;
        }
        int dot = className.lastIndexOf('.');
        if (dot < 0) {
          break;
        }
        className = className.substring(0, dot) + "$" + className.substring(dot + 1);
      }
    }
    return Optional.empty();
  }

  private static Optional<Descriptor> load(String className) {
    try {
      Class<?> c = Class.forName(className, true, EnvoyTypes.class.getClassLoader());
      if (!Message.class.isAssignableFrom(c)) {
        return Optional.empty();
      }
      return Optional.of((Descriptor) c.getMethod("getDescriptor").invoke(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** A registry holding every type packed in an Any anywhere inside the message. */
  public static JsonFormat.TypeRegistry registryFor(MessageOrBuilder message) {
    Set<String> urls = new TreeSet<>();
    collect(message, urls);
    return registryFor(urls);
  }

  /** A registry holding the given types (unknown ones are skipped: the printer will name them). */
  public static JsonFormat.TypeRegistry registryFor(Set<String> typeUrls) {
    return REGISTRIES.computeIfAbsent(Set.copyOf(typeUrls), urls -> {
      JsonFormat.TypeRegistry.Builder b = JsonFormat.TypeRegistry.newBuilder();
      urls.forEach(u -> descriptor(u).ifPresent(b::add));
      return b.build();
    });
  }

  private static void collect(MessageOrBuilder message, Set<String> urls) {
    if (message.getDescriptorForType().getFullName().equals(Any.getDescriptor().getFullName())) {
      // Inside a dynamic message an Any is itself dynamic: read its two fields generically.
      Any any = message instanceof Any a ? a : asAny(message);
      urls.add(any.getTypeUrl());
      unpack(any).ifPresent(inner -> collect(inner, urls));
      return;
    }
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      if (e.getKey().getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (e.getKey().isRepeated()) {
        for (Object o : (List<?>) e.getValue()) {
          collect((MessageOrBuilder) o, urls);
        }
      } else {
        collect((MessageOrBuilder) e.getValue(), urls);
      }
    }
  }

  private static Any asAny(MessageOrBuilder message) {
    var d = message.getDescriptorForType();
    return Any.newBuilder()
        .setTypeUrl((String) message.getField(d.findFieldByName("type_url")))
        .setValue((com.google.protobuf.ByteString) message.getField(d.findFieldByName("value")))
        .build();
  }

  /** The message packed in an Any, as a dynamic message; empty when its type is unknown or it is corrupt. */
  public static Optional<Message> unpack(Any any) {
    return descriptor(any.getTypeUrl()).flatMap(d -> {
      try {
        return Optional.of(DynamicMessage.parseFrom(d, any.getValue()));
      } catch (InvalidProtocolBufferException e) {
        return Optional.empty();
      }
    });
  }

  public static String typeUrl(Descriptor descriptor) {
    return TYPE_URL_PREFIX + descriptor.getFullName();
  }
}
