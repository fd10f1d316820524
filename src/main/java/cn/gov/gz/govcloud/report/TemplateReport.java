package cn.gov.gz.govcloud.report;

import cn.gov.gz.govcloud.compliance.Implements;
import cn.gov.gz.govcloud.sla.WorkingCalendar;
import com.deepoove.poi.XWPFTemplate;
import com.deepoove.poi.config.Configure;
import com.deepoove.poi.config.ConfigureBuilder;
import com.deepoove.poi.plugin.table.LoopRowTableRenderPolicy;
import com.deepoove.poi.template.ChartTemplate;
import com.deepoove.poi.template.MetaTemplate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.poi.ooxml.POIXMLDocumentPart;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTChart;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Renders a Word template of {@code report-templates/} with poi-tl: {@code {{tag}}} text (body, header, footer),
 * tables whose header row carries {@code {{rows}}} and whose next row {@code [field]} cells repeat once per row, and
 * native charts tagged by their alt text ({@code {{chart}}} in Word's 可选文字 of the chart: poi-tl looks there, not at
 * the chart title) whose data is a {@link ChartData}. Every document gets the issuer, the recipient and the generation
 * time in Beijing time. A template chart left without data is an error, never a document with sample data: after
 * rendering, no chart may still show a tag, and each chart's alt text becomes its title.
 */
@Implements(value = "GB 8.4.3 g 3", what = "报告中的统计信息以表格和柱状图、折线图、饼图呈现")
@Implements(value = "P6 7.6.2.4", what = "按模板编制报表、报告")
@Component
public class TemplateReport {

  public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
      .withZone(WorkingCalendar.CHINA);
  private static final Pattern TAG = Pattern.compile("\\{\\{[^}]*}}");
  private static final String WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
  private static final String CHART_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
  private static final String REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private final ReportProperties properties;
  private final Clock clock;

  TemplateReport(ReportProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  /** Beijing time, minutes: how every document prints a moment. */
  public static String time(Instant instant) {
    return instant == null ? "—" : TIME.format(instant);
  }

  public ReportProperties properties() {
    return properties;
  }

  /** The line under a spreadsheet's title: what it covers, the issuer and the generation time (Beijing time). */
  public String sheetLine(String scope) {
    return scope + "　　编制单位：" + properties.issuer() + "　　生成时间：" + time(clock.instant()) + "（北京时间）";
  }

  /**
   * @param template file name under {@code report-templates/}
   * @param values tag → value (text, list of row maps for loop tables, {@link ChartData} for charts)
   * @param loopTables the tags that are repeated table rows
   */
  public byte[] render(String template, Map<String, Object> values, String... loopTables) {
    Map<String, Object> data = new HashMap<>(values);
    data.putIfAbsent("issuer", properties.issuer());
    data.putIfAbsent("recipient", properties.recipient());
    data.putIfAbsent("generatedAt", time(clock.instant()));
    ConfigureBuilder builder = Configure.builder();
    for (String tag : loopTables) {
      builder.bind(tag, new LoopRowTableRenderPolicy());
    }
    try (InputStream in = new ClassPathResource("report-templates/" + template).getInputStream();
        XWPFTemplate doc = XWPFTemplate.compile(in, builder.build());
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Map<XWPFChart, ChartData> charts = new java.util.LinkedHashMap<>();
      for (MetaTemplate meta : doc.getElementTemplates()) {
        if (meta instanceof ChartTemplate chart && data.get(chart.getTagName()) instanceof ChartData d) {
          data.put(chart.getTagName(), isPie(chart.getChart()) ? d.single() : d.multi());
          charts.put(chart.getChart(), d);
        }
      }
      doc.render(data);
      for (var e : charts.entrySet()) {
        writeWorkbook(e.getKey(), e.getValue());
      }
      checkCharts(template, doc.getXWPFDocument());
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The chart's embedded workbook (what Word's and WPS's "编辑数据" open) holds exactly the chart's figures: poi-tl
   * writes the values it plots but leaves a template's sample value where the data has none.
   */
  private static void writeWorkbook(XWPFChart chart, ChartData data) {
    try {
      var book = chart.getWorkbook();
      var sheet = book.getSheetAt(0);
      List<String> categories = data.categories();
      List<List<Number>> series = List.copyOf(data.series().values());
      for (int r = 1; r <= Math.max(categories.size(), sheet.getLastRowNum()); r++) {
        var row = sheet.getRow(r);
        if (r > categories.size()) {
          if (row != null) {
            sheet.removeRow(row);
          }
          continue;
        }
        row = row == null ? sheet.createRow(r) : row;
        (row.getCell(0) == null ? row.createCell(0) : row.getCell(0)).setCellValue(categories.get(r - 1));
        for (int s = 0; s < series.size(); s++) {
          Number v = series.get(s).get(r - 1);
          var cell = row.getCell(s + 1);
          if (v == null) {
            if (cell != null) {
              row.removeCell(cell);
            }
          } else {
            (cell == null ? row.createCell(s + 1) : cell).setCellValue(v.doubleValue());
          }
        }
      }
      chart.saveWorkbook(book);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean isPie(XWPFChart chart) {
    var plot = chart.getCTChart().getPlotArea();
    return plot.sizeOfPieChartArray() > 0 || plot.sizeOfDoughnutChartArray() > 0 || plot.sizeOfPie3DChartArray() > 0;
  }

  /**
   * Every chart must have been given its data (a chart still titled with a tag was not), and its alt text, which held
   * the tag, becomes the chart's title so that a screen reader reads what the chart shows.
   */
  private static void checkCharts(String template, XWPFDocument doc) {
    for (XWPFChart chart : doc.getCharts()) {
      String xml = chart.getCTChartSpace().xmlText();
      var unbound = TAG.matcher(xml);
      if (unbound.find()) {
        throw new IllegalStateException("模板 " + template + " 的图表 " + unbound.group()
            + " 没有数据：图表的标签须写在图表的“可选文字”中，并在生成报告时提供数据");
      }
    }
    for (XmlObject o : doc.getDocument().selectPath("declare namespace wp='" + WP + "' .//wp:docPr")) {
      CTNonVisualDrawingProps docPr = (CTNonVisualDrawingProps) o;
      if (docPr.getDescr() == null || !TAG.matcher(docPr.getDescr()).find()) {
        continue;
      }
      XWPFChart chart = chartOf(doc, docPr);
      docPr.setDescr(chart == null ? "" : "图表：" + title(chart.getCTChart()));
    }
  }

  /** The chart drawn by the drawing that carries this docPr (its sibling graphic holds {@code c:chart r:id}). */
  private static XWPFChart chartOf(XWPFDocument doc, CTNonVisualDrawingProps docPr) {
    try (XmlCursor c = docPr.newCursor()) {
      c.toParent();
      XmlObject[] refs = c.getObject().selectPath("declare namespace c='" + CHART_NS + "' .//c:chart");
      if (refs.length == 0) {
        return null;
      }
      try (XmlCursor r = refs[0].newCursor()) {
        String id = r.getAttributeText(new javax.xml.namespace.QName(REL_NS, "id"));
        POIXMLDocumentPart part = id == null ? null : doc.getRelationById(id);
        return part instanceof XWPFChart chart ? chart : null;
      }
    }
  }

  private static String title(CTChart chart) {
    if (!chart.isSetTitle() || !chart.getTitle().isSetTx() || !chart.getTitle().getTx().isSetRich()) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    for (var p : chart.getTitle().getTx().getRich().getPArray()) {
      for (var r : p.getRArray()) {
        s.append(r.getT());
      }
    }
    return s.toString();
  }
}
