package cn.gov.gz.govcloud.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An Excel workbook as a clerk lays one out (ledger export, settlement bill): on each sheet a title row, a line with
 * the period, issuer and generation time (Beijing time), a bold header row that stays in view when scrolling and
 * carries a filter, columns wide enough for their content (long text wraps), numbers as numbers in their format
 * (元 with two decimals, whole counts with thousands separators, dates), and a totals row that sums with formulas.
 * Streams rows (SXSSF), so a 200,000-row ledger does not sit in memory.
 */
public final class Spreadsheet implements AutoCloseable {

  /** How a column's values are written and formatted. */
  public enum Kind {
    TEXT, COUNT, DECIMAL, MONEY, DATE, DATETIME
  }

  /** A column: its header, kind, and whether the totals row sums it. */
  public record Column(String header, Kind kind, boolean total) {
    public static Column text(String header) {
      return new Column(header, Kind.TEXT, false);
    }

    public static Column count(String header, boolean total) {
      return new Column(header, Kind.COUNT, total);
    }

    public static Column decimal(String header, boolean total) {
      return new Column(header, Kind.DECIMAL, total);
    }

    public static Column money(String header) {
      return new Column(header, Kind.MONEY, true);
    }

    public static Column date(String header) {
      return new Column(header, Kind.DATE, false);
    }

    public static Column dateTime(String header) {
      return new Column(header, Kind.DATETIME, false);
    }
  }

  static final int HEADER_ROW = 3;
  private static final int MAX_WIDTH_CHARS = 48;
  private static final int MIN_WIDTH_CHARS = 6;

  private final SXSSFWorkbook book = new SXSSFWorkbook(500);
  private final CellStyle title;
  private final CellStyle subtitle;
  private final CellStyle header;
  private final CellStyle totalLabel;
  private final CellStyle[] body = new CellStyle[Kind.values().length];
  private final CellStyle[] total = new CellStyle[Kind.values().length];
  private final String subtitleText;

  /**
   * @param subtitle the line under each sheet's title, e.g. "结算周期：… 编制单位：… 生成时间：…（北京时间）"
   */
  public Spreadsheet(String subtitle) {
    this.subtitleText = subtitle;
    book.setForceFormulaRecalculation(true);
    Font bold = font(true, 11);
    title = book.createCellStyle();
    title.setFont(font(true, 16));
    title.setAlignment(HorizontalAlignment.CENTER);
    this.subtitle = book.createCellStyle();
    Font grey = font(false, 10);
    grey.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
    this.subtitle.setFont(grey);
    header = book.createCellStyle();
    header.setFont(bold);
    header.setAlignment(HorizontalAlignment.CENTER);
    header.setVerticalAlignment(VerticalAlignment.CENTER);
    header.setWrapText(true);
    header.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    borders(header);
    totalLabel = book.createCellStyle();
    totalLabel.setFont(bold);
    totalLabel.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
    totalLabel.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    borders(totalLabel);
    var format = book.createDataFormat();
    for (Kind k : Kind.values()) {
      CellStyle s = book.createCellStyle();
      borders(s);
      s.setVerticalAlignment(VerticalAlignment.TOP);
      switch (k) {
        case TEXT -> s.setWrapText(true);
        case COUNT -> s.setDataFormat(format.getFormat("#,##0"));
        case DECIMAL -> s.setDataFormat(format.getFormat("#,##0.###"));
        case MONEY -> s.setDataFormat(format.getFormat("#,##0.00"));
        case DATE -> {
          s.setDataFormat(format.getFormat("yyyy-mm-dd"));
          s.setAlignment(HorizontalAlignment.CENTER);
        }
        case DATETIME -> {
          s.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm"));
          s.setAlignment(HorizontalAlignment.CENTER);
        }
      }
      body[k.ordinal()] = s;
      CellStyle t = book.createCellStyle();
      t.cloneStyleFrom(s);
      t.setFont(bold);
      t.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      t.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      total[k.ordinal()] = t;
    }
  }

  private Font font(boolean bold, int points) {
    Font f = book.createFont();
    f.setBold(bold);
    f.setFontHeightInPoints((short) points);
    f.setFontName("宋体");
    return f;
  }

  private static void borders(CellStyle s) {
    s.setBorderTop(BorderStyle.THIN);
    s.setBorderBottom(BorderStyle.THIN);
    s.setBorderLeft(BorderStyle.THIN);
    s.setBorderRight(BorderStyle.THIN);
  }

  /** A new sheet with its title, the subtitle line and the header row. */
  public Table sheet(String name, String titleText, List<Column> columns) {
    return new Table(book.createSheet(name), titleText, columns);
  }

  public void write(OutputStream out) throws IOException {
    book.write(out);
  }

  @Override
  public void close() throws IOException {
    book.dispose();
    book.close();
  }

  /** One sheet's rows under its header. */
  public final class Table {
    private final Sheet sheet;
    private final List<Column> columns;
    private final int[] widths;
    private final double[] sums;
    private int next = HEADER_ROW + 1;

    Table(Sheet sheet, String titleText, List<Column> columns) {
      this.sheet = sheet;
      this.columns = List.copyOf(columns);
      this.widths = new int[columns.size()];
      this.sums = new double[columns.size()];
      int last = columns.size() - 1;
      Row t = sheet.createRow(0);
      t.setHeightInPoints(26);
      cell(t, 0, titleText, title);
      Row s = sheet.createRow(1);
      cell(s, 0, subtitleText, subtitle);
      if (last > 0) {
        sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
      }
      Row h = sheet.createRow(HEADER_ROW);
      h.setHeightInPoints(30);
      for (int c = 0; c < columns.size(); c++) {
        cell(h, c, columns.get(c).header(), header);
        widths[c] = Math.max(MIN_WIDTH_CHARS, width(columns.get(c).header()) + 2);
      }
      sheet.createFreezePane(0, HEADER_ROW + 1);
      sheet.setAutoFilter(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, last));
      // printed: landscape, as wide as the page, the header row on every page
      sheet.getPrintSetup().setLandscape(true);
      sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
      sheet.setFitToPage(true);
      sheet.getPrintSetup().setFitWidth((short) 1);
      sheet.getPrintSetup().setFitHeight((short) 0);
      sheet.setRepeatingRows(new CellRangeAddress(HEADER_ROW, HEADER_ROW, 0, last));
      for (int c = 0; c < columns.size(); c++) {
        sheet.setColumnWidth(c, widths[c] * 256);
      }
    }

    /** One row; values by column: text, numbers (Number, BigDecimal), LocalDate, Instant (Beijing time). */
    public void row(Object... values) {
      Row r = sheet.createRow(next++);
      for (int c = 0; c < columns.size() && c < values.length; c++) {
        Object v = values[c];
        Column col = columns.get(c);
        CellStyle style = body[col.kind().ordinal()];
        Cell cell = r.createCell(c);
        cell.setCellStyle(style);
        if (v == null) {
          continue;
        }
        switch (col.kind()) {
          case COUNT, DECIMAL, MONEY -> {
            double d = v instanceof BigDecimal b ? b.doubleValue() : ((Number) v).doubleValue();
            cell.setCellValue(d);
            sums[c] += d;
          }
          case DATE -> cell.setCellValue((LocalDate) v);
          case DATETIME -> cell.setCellValue(v instanceof Instant i
              ? LocalDateTime.ofInstant(i, cn.gov.gz.govcloud.sla.WorkingCalendar.CHINA) : (LocalDateTime) v);
          default -> cell.setCellValue(v.toString());
        }
        widen(c, col.kind(), v);
      }
    }

    /** The totals row: the label in the first column, a SUM over the rows for every column marked total. */
    public void totals(String label) {
      int first = HEADER_ROW + 2;
      int last = next;
      Row r = sheet.createRow(next++);
      cell(r, 0, label, totalLabel);
      for (int c = 1; c < columns.size(); c++) {
        Column col = columns.get(c);
        Cell cell = r.createCell(c);
        cell.setCellStyle(total[col.kind().ordinal()]);
        if (col.total() && last >= first) {
          String letter = CellReference.convertNumToColString(c);
          cell.setCellFormula("SUM(" + letter + first + ":" + letter + last + ")");
          // the result too, for viewers that show the stored value without calculating
          cell.setCellValue(col.kind() == Kind.MONEY ? Math.round(sums[c] * 100) / 100.0 : sums[c]);
        } else if (col.total()) {
          cell.setCellValue(0);
        }
      }
      for (int c = 0; c < columns.size(); c++) {
        sheet.setColumnWidth(c, Math.min(MAX_WIDTH_CHARS, widths[c]) * 256);
      }
    }

    /** Rows written so far (header excluded). */
    public int rows() {
      return next - HEADER_ROW - 1;
    }

    private void widen(int c, Kind kind, Object v) {
      int w = switch (kind) {
        case DATE -> 12;
        case DATETIME -> 17;
        case MONEY -> String.format("%,.2f", ((Number) v).doubleValue()).length() + 2;
        case COUNT, DECIMAL -> String.format("%,.3f", ((Number) v).doubleValue()).length();
        default -> width(v.toString()) + 2;
      };
      if (w > widths[c]) {
        widths[c] = Math.min(MAX_WIDTH_CHARS, w);
        sheet.setColumnWidth(c, widths[c] * 256);
      }
    }
  }

  private static void cell(Row r, int c, String value, CellStyle style) {
    Cell cell = r.createCell(c);
    cell.setCellValue(value);
    cell.setCellStyle(style);
  }

  /** Display width in character cells: a Chinese character takes two. */
  static int width(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) < 0x2E80 ? 1 : 2;
    }
    return w;
  }
}
