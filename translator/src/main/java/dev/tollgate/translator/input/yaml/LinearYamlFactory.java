package dev.tollgate.translator.input.yaml;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.parser.ParserImpl;

/**
 * Jackson's YAML factory, reading through {@link WholeTextReader} so that parsing is linear in
 * the input's length, and refusing documents nested deeper than a limit before they are built
 * (the tree is walked recursively later). Input is read whole: callers bound its size first.
 */
public final class LinearYamlFactory extends YAMLFactory {

  private static final long serialVersionUID = 1L;
  private final int maxNestingDepth;

  public LinearYamlFactory(LoaderOptions loaderOptions, int maxNestingDepth) {
    super(new YAMLFactoryBuilder(new YAMLFactory()).loaderOptions(loaderOptions));
    this.maxNestingDepth = maxNestingDepth;
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    String text = readAll(r);
    ParserImpl events = new ParserImpl(new WholeTextReader("'reader'", text), _loaderOptions);
    return new DepthLimitedParser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, new StringReader(text),
        events, maxNestingDepth);
  }

  @Override
  protected YAMLParser _createParser(InputStream in, IOContext ctxt) throws IOException {
    return _createParser(new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)), ctxt);
  }

  @Override
  protected YAMLParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
    return _createParser(new StringReader(new String(data, offset, len, StandardCharsets.UTF_8)), ctxt);
  }

  @Override
  protected YAMLParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
      throws IOException {
    return _createParser(new StringReader(new String(data, offset, len)), ctxt);
  }

  private static String readAll(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buffer = new char[64 * 1024];
    for (int n = r.read(buffer); n >= 0; n = r.read(buffer)) {
      sb.append(buffer, 0, n);
    }
    return sb.toString();
  }

  /** Refuses a collection that opens deeper than the limit. */
  private static final class DepthLimitedParser extends YAMLParser {
    private final int maxDepth;

    DepthLimitedParser(IOContext ctxt, int parserFeatures, int formatFeatures, ObjectCodec codec, Reader reader,
        ParserImpl events, int maxDepth) {
      super(ctxt, parserFeatures, formatFeatures, codec, reader, events);
      this.maxDepth = maxDepth;
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken t = super.nextToken();
      if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
          && getParsingContext().getNestingDepth() > maxDepth) {
        throw new StreamConstraintsException("mappings and lists are nested deeper than " + maxDepth + " levels");
      }
      return t;
    }
  }
}
