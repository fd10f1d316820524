package cn.gov.gz.govcloud.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Text in our REST API is text: a JSON string with a control character (a null byte, a bell, an escape; tab and line
 * breaks are text) is refused with 400 naming the field, instead of being stored. Registered with Spring's
 * {@code ObjectMapper}, so every request body of {@code /api} and every JSON variable our delegates read passes it.
 */
@Configuration
class PlainText {

  static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

  /** The message a control character is refused with; {@link ApiExceptionHandler} names the field. */
  public static final String CONTROL_CHARACTERS = "含有不允许的控制字符";

  @Bean
  SimpleModule plainTextModule() {
    SimpleModule module = new SimpleModule("govcloud-plain-text");
    module.addDeserializer(String.class, new Deserializer());
    return module;
  }

  static final class Deserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (value != null && CONTROL.matcher(value).find()) {
        throw InvalidFormatException.from(p, CONTROL_CHARACTERS, value, String.class);
      }
      return value;
    }
  }
}
