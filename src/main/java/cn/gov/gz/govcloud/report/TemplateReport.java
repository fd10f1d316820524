package cn.gov.gz.govcloud.report;

import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.config.ConfigureBuilder;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * Renders a Word template of {@code report-templates/} with poi-tl: {@code {{tag}}} text, tables whose header row
 * carries {@code {{rows}}} and whose next row {@code [field]} cells repeat once per row, and native charts whose
 * title is {@code {{chart}}}. Process owners restyle the templates in Word or WPS; only the tags must stay.
 */
public final class TemplateReport {

  private TemplateReport() {}

  /**
   * @param template file name under {@code report-templates/}
   * @param data tag → value (text, list of row maps for loop tables, poi-tl chart data)
   * @param loopTables the tags that are repeated table rows
   */
  public static byte[] render(String template, Map<String, Object> data, String... loopTables) {
    ConfigureBuilder builder = Configure.builder();
    for (String tag : loopTables) {
      builder.bind(tag, new LoopRowTableRenderPolicy());
    }
    try (InputStream in = new ClassPathResource("report-templates/" + template).getInputStream();
        XWPFTemplate doc = XWPFTemplate.compile(in, builder.build()).render(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
