package cn.gov.gz.govcloud.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * A small builder for Word (.docx) reports on Apache POI: title, headings, paragraphs and tables, with a Chinese
 * font named so Word, WPS and LibreOffice pick one the reader has.
 */
public final class WordDocument {

  private static final String FONT = "宋体";
  private final XWPFDocument doc = new XWPFDocument();

  public WordDocument title(String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(ParagraphAlignment.CENTER);
    run(p, text, 18, true);
    return this;
  }

  public WordDocument heading(String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setSpacingBefore(240);
    run(p, text, 14, true);
    return this;
  }

  public WordDocument paragraph(String text) {
    for (String line : (text == null ? "" : text).split("\n")) {
      run(doc.createParagraph(), line, 11, false);
    }
    return this;
  }

  /** A table with a bold header row. */
  public WordDocument table(List<String> header, List<List<String>> rows) {
    XWPFTable table = doc.createTable(rows.size() + 1, header.size());
    table.setWidth("100%");
    fill(table.getRow(0), header, true);
    for (int i = 0; i < rows.size(); i++) {
      fill(table.getRow(i + 1), rows.get(i), false);
    }
    doc.createParagraph();
    return this;
  }

  public byte[] toBytes() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.write(out);
      doc.close();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(XWPFTableRow row, List<String> cells, boolean bold) {
    for (int c = 0; c < cells.size(); c++) {
      XWPFParagraph p = row.getCell(c).getParagraphs().get(0);
      run(p, cells.get(c) == null ? "" : cells.get(c), 10, bold);
    }
  }

  private static void run(XWPFParagraph p, String text, int size, boolean bold) {
    XWPFRun r = p.createRun();
    r.setText(text);
    r.setFontSize(size);
    r.setBold(bold);
    r.setFontFamily(FONT);
    r.setFontFamily(FONT, XWPFRun.FontCharRange.eastAsia);
  }
}
