package dev.tollgate.cli;

import dev.tollgate.translator.input.ReadLimits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --max-file-size} and {@code --max-document-size}: how much input is read. */
final class ReadLimitOptions {

  @Option(names = "--max-file-size", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "The largest file (or standard input) read, such as 32Mi (default: 32Mi).")
  Long maxFileBytes;

  @Option(names = "--max-document-size", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "The largest YAML document read, such as 3Mi, as the Kubernetes API server's request limit (default: 3Mi).")
  Long maxDocumentBytes;

  ReadLimits limits() {
    ReadLimits limits = ReadLimits.DEFAULT;
    if (maxFileBytes != null) {
      limits = limits.withMaxFileBytes(maxFileBytes);
    }
    if (maxDocumentBytes != null) {
      limits = limits.withMaxDocumentBytes(maxDocumentBytes);
    }
    return limits;
  }

  /** Sizes as {@link ReadLimits#parseSize} reads them; a bad one is a usage error naming the value. */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      try {
        return ReadLimits.parseSize(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
