package cn.gov.gz.govcloud.dashboard;

import java.util.List;
import java.util.Map;

/**
 * The list behind a figure, one page of it: what it lists and by which definition, when it was read, how many there
 * are, and rows whose links lead on to Tasklist (the open tasks the viewer may see), Cockpit (the running case, for
 * those who have Cockpit) or the document.
 */
record ListPage(String title, String definition, String asOf, long total, int page, int size, List<Column> columns,
    List<Row> rows) {

  record Column(String key, String label) {}

  record Row(Map<String, String> cells, List<Link> links) {}

  record Link(String label, String href) {}
}
