package dev.tollgate.translator.input.yaml;

import com.fasterxml.jackson.core.ObjectCodec;
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
 * the input's length. Input is read whole: callers bound its size first.
 */
public final class LinearYamlFactory extends YAMLFactory {

  private static final long serialVersionUID = 1L;

  public LinearYamlFactory(LoaderOptions loaderOptions) {
    super(new YAMLFactoryBuilder(new YAMLFactory()).loaderOptions(loaderOptions));
  }

  @Override
  protected YAMLParser _createParser(Reader r, IOContext ctxt) throws IOException {
    String text = readAll(r);
    ParserImpl events = new ParserImpl(new WholeTextReader("'reader'", text), _loaderOptions);
    return new TextParser(ctxt, _parserFeatures, _yamlParserFeatures, _objectCodec, new StringReader(text), events);
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

  /** Jackson's YAML parser over events from a parser of our choosing (its constructor for that is protected). */
  private static final class TextParser extends YAMLParser {
    TextParser(IOContext ctxt, int parserFeatures, int formatFeatures, ObjectCodec codec, Reader reader, ParserImpl events) {
      super(ctxt, parserFeatures, formatFeatures, codec, reader, events);
    }
  }

  private static String readAll(Reader r) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buffer = new char[64 * 1024];
    for (int n = r.read(buffer); n >= 0; n = r.read(buffer)) {
      sb.append(buffer, 0, n);
    }
    return sb.toString();
  }
}
