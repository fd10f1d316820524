package cn.gov.gz.govcloud.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumData;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTStrData;

/**
 * A generated Word document as a reviewer reads it: its text, its tables, every XML part (body, headers, footers,
 * charts), and each native chart with the title, categories and series values it shows and the figures of its
 * embedded workbook (what Word's "编辑数据" shows). And its conversion to PDF by LibreOffice.
 */
public final class Docx {

  /** A chart as printed: title, categories, series name → values (null where the chart has no point). */
  public record Chart(String title, List<String> categories, Map<String, List<Double>> series,
      List<String> workbookCategories, Map<String, List<Double>> workbookSeries) {}

  private static final Pattern TAG = Pattern.compile("\\{\\{[^}]*}}|\\[[a-zA-Z]+]");

  private final byte[] bytes;
  private final Map<String, String> parts = new LinkedHashMap<>();

  public Docx(byte[] bytes) {
    this.bytes = bytes;
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
        if (e.getName().endsWith(".xml") || e.getName().endsWith(".rels")) {
          parts.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public byte[] bytes() {
    return bytes;
  }

  /** The XML parts of the package by name (word/document.xml, word/header1.xml, word/charts/chart1.xml, …). */
  public Map<String, String> parts() {
    return parts;
  }

  /** Every template tag ({{tag}} or a [field] of a loop row) left in any part: body, headers, footers, charts. */
  public List<String> leftTags() {
    List<String> left = new ArrayList<>();
    parts.forEach((name, xml) -> {
      if (name.startsWith("word/") && !name.contains("_rels")) {
        Matcher m = TAG.matcher(xml);
        while (m.find()) {
          left.add(name + ": " + m.group());
        }
      }
    });
    return left;
  }

  public String text() {
    try (XWPFDocument doc = open(); XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
      return ex.getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of the headers and footers of the document. */
  public String headersAndFooters() {
    StringBuilder s = new StringBuilder();
    parts.forEach((name, xml) -> {
      if (name.matches("word/(header|footer)\\d*\\.xml")) {
        Matcher m = Pattern.compile("<w:t[^>]*>([^<]*)</w:t>").matcher(xml);
        while (m.find()) {
          s.append(m.group(1));
        }
        s.append('\n');
      }
    });
    return s.toString();
  }

  /** The rows (cell texts) of the table whose header row's first cell is {@code firstHeader}, header excluded. */
  public List<List<String>> table(String firstHeader) {
    try (XWPFDocument doc = open()) {
      for (XWPFTable t : doc.getTables()) {
        if (t.getRows().isEmpty() || !t.getRow(0).getCell(0).getText().strip().equals(firstHeader)) {
          continue;
        }
        List<List<String>> rows = new ArrayList<>();
        for (XWPFTableRow r : t.getRows().subList(1, t.getRows().size())) {
          rows.add(r.getTableCells().stream().map(c -> c.getText().strip()).toList());
        }
        return rows;
      }
      throw new AssertionError("no table with first header " + firstHeader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The charts in the order the document shows them. */
  public List<Chart> charts() {
    try (XWPFDocument doc = open()) {
      List<Chart> out = new ArrayList<>();
      String body = parts.get("word/document.xml");
      Matcher ref = Pattern.compile("<c:chart [^>]*r:id=\"([^\"]+)\"").matcher(body);
      while (ref.find()) {
        XWPFChart chart = (XWPFChart) doc.getRelationById(ref.group(1));
        out.add(read(chart));
      }
      return out;
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Chart read(XWPFChart chart)
      throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
    var ct = chart.getCTChart();
    StringBuilder title = new StringBuilder();
    if (ct.isSetTitle() && ct.getTitle().getTx() != null && ct.getTitle().getTx().getRich() != null) {
      for (var p : ct.getTitle().getTx().getRich().getPArray()) {
        for (var r : p.getRArray()) {
          title.append(r.getT());
        }
      }
    }
    List<String> categories = null;
    Map<String, List<Double>> series = new LinkedHashMap<>();
    var plot = ct.getPlotArea();
    List<org.apache.xmlbeans.XmlObject> sers = new ArrayList<>();
    for (var c : plot.getBarChartArray()) {
      sers.addAll(List.of(c.getSerArray()));
    }
    for (var c : plot.getLineChartArray()) {
      sers.addAll(List.of(c.getSerArray()));
    }
    for (var c : plot.getPieChartArray()) {
      sers.addAll(List.of(c.getSerArray()));
    }
    for (var o : sers) {
      String name;
      CTStrData cat;
      CTNumData val;
      if (o instanceof org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer s) {
        name = s.getTx().getStrRef().getStrCache().getPtArray(0).getV();
        cat = s.getCat().getStrRef().getStrCache();
        val = s.getVal().getNumRef().getNumCache();
      } else if (o instanceof org.openxmlformats.schemas.drawingml.x2006.chart.CTLineSer s) {
        name = s.getTx().getStrRef().getStrCache().getPtArray(0).getV();
        cat = s.getCat().getStrRef().getStrCache();
        val = s.getVal().getNumRef().getNumCache();
      } else {
        var s = (org.openxmlformats.schemas.drawingml.x2006.chart.CTPieSer) o;
        name = s.getTx().getStrRef().getStrCache().getPtArray(0).getV();
        cat = s.getCat().getStrRef().getStrCache();
        val = s.getVal().getNumRef().getNumCache();
      }
      List<String> cats = new ArrayList<>();
      for (int i = 0; i < cat.getPtCount().getVal(); i++) {
        cats.add(null);
      }
      for (var pt : cat.getPtArray()) {
        cats.set((int) pt.getIdx(), pt.getV());
      }
      categories = cats;
      List<Double> values = new ArrayList<>();
      for (int i = 0; i < cats.size(); i++) {
        values.add(null);
      }
      for (var pt : val.getPtArray()) {
        values.set((int) pt.getIdx(), Double.valueOf(pt.getV()));
      }
      series.put(name, values);
    }
    // the embedded workbook: A2.. categories, B2.. values of the first series and so on (header row 1)
    var sheet = chart.getWorkbook().getSheetAt(0);
    List<String> wbCats = new ArrayList<>();
    Map<String, List<Double>> wbSeries = new LinkedHashMap<>();
    int n = categories == null ? 0 : categories.size();
    for (int r = 1; r <= n; r++) {
      Cell c = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(0);
      wbCats.add(c == null ? null : c.getStringCellValue());
    }
    int col = 1;
    for (String name : series.keySet()) {
      List<Double> values = new ArrayList<>();
      for (int r = 1; r <= n; r++) {
        Cell c = sheet.getRow(r) == null ? null : sheet.getRow(r).getCell(col);
        values.add(c == null || c.getCellType() != CellType.NUMERIC ? null : c.getNumericCellValue());
      }
      wbSeries.put(sheet.getRow(0).getCell(col).getStringCellValue(), values);
      col++;
    }
    return new Chart(title.toString(), categories == null ? List.of() : categories, series, wbCats, wbSeries);
  }

  private XWPFDocument open() throws IOException {
    return new XWPFDocument(new ByteArrayInputStream(bytes));
  }

  /** LibreOffice's headless office, where installed (Debian: libreoffice-writer-nogui), else null. */
  public static Path soffice() {
    for (String p : List.of("/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice")) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    return null;
  }

  /**
   * Converts the document to PDF with LibreOffice headless into {@code dir} and returns the PDF; fails when the
   * conversion fails (exit status, no file, an empty file).
   */
  public Path toPdf(Path soffice, Path dir, String name) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path docx = dir.resolve(name + ".docx");
    Files.write(docx, bytes);
    Path profile = Files.createTempDirectory("lo-profile");
    Process p = new ProcessBuilder(soffice.toString(), "-env:UserInstallation=" + profile.toUri(), "--headless",
        "--norestore", "--convert-to", "pdf", "--outdir", dir.toString(), docx.toString())
        .redirectErrorStream(true).start();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("LibreOffice did not finish converting " + name + " within 180 s: " + output);
    }
    Path pdf = dir.resolve(name + ".pdf");
    if (p.exitValue() != 0 || !Files.exists(pdf) || Files.size(pdf) < 1000) {
      throw new AssertionError("LibreOffice failed to convert " + name + " (exit " + p.exitValue() + "): " + output);
    }
    return pdf;
  }
}
