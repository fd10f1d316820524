package cn.gov.gz.govcloud.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Expressions in queries ({@code assigneeExpression}, {@code dueBeforeExpression}, ...) are evaluated by the engine with
 * the full power of JUEL, which reaches {@code Class.forName}. Camunda refuses them in ad hoc queries, but in 7.24 not
 * inside {@code orQueries} nor in a query that extends a stored filter. This interceptor decides on the query objects
 * the engine is about to run, after every parser has done its work, so no spelling of the request matters (URL
 * parameters, JSON unicode escapes, nesting, the webapps' API or ours):
 * <ul>
 *   <li>a query run as a command (every query resource: tasks, history, instances, executions, cases, external tasks,
 *       ...) carries no expression in itself or in any of its or-queries;</li>
 *   <li>a query that extends a stored filter (Tasklist's filter lists) carries none either;</li>
 *   <li>a stored filter may carry only the harmless expressions filters need ({@code ${currentUser()}},
 *       {@code ${currentUserGroups()}}, {@code ${now()}} and {@code ${dateTime()...}} date arithmetic), whoever
 *       saves it.</li>
 * </ul>
 * A refusal is a {@link BadUserRequestException} (HTTP 400) in Chinese; nothing is evaluated.
 */
final class QueryExpressionGuard extends CommandInterceptor {

  static final Pattern STORED_FILTER_EXPRESSION = Pattern.compile(
      "\\$\\{(currentUser\\(\\)|currentUserGroups\\(\\)|now\\(\\)"
          + "|dateTime\\(\\)(\\.(withTimeAtStartOfDay\\(\\)|toDate\\(\\)"
          + "|(plus|minus)(Minutes|Hours|Days|Weeks|Months|Years)\\(\\d{1,4}\\)))*)}");

  private static final CommandFields EXTENDING_QUERY = CommandFields.of(AbstractExecuteFilterCmd.class,
      "extendingQuery");
  private static final CommandFields SAVED_FILTER = CommandFields.of(SaveFilterCmd.class, "filter");

  @Override
  public <T> T execute(Command<T> command) {
    if (command instanceof AbstractQuery<?, ?> query) {
      refuseAny(query);
    } else if (command instanceof AbstractExecuteFilterCmd) {
      Object extending = EXTENDING_QUERY.read(command);
      if (extending instanceof AbstractQuery<?, ?> query) {
        refuseAny(query);
      }
    } else if (command instanceof SaveFilterCmd) {
      Filter filter = SAVED_FILTER.read(command);
      if (filter != null && filter.getQuery() instanceof AbstractQuery<?, ?> query) {
        for (Map.Entry<String, String> e : expressions(query)) {
          if (e.getValue() == null || !STORED_FILTER_EXPRESSION.matcher(e.getValue().strip()).matches()) {
            throw new BadUserRequestException("过滤器 " + e.getKey() + " 的表达式不被允许：过滤器只能使用 "
                + "${currentUser()}、${currentUserGroups()}、${now()} 和 ${dateTime()} 的日期运算");
          }
        }
      }
    }
    return next.execute(command);
  }

  private static void refuseAny(AbstractQuery<?, ?> query) {
    List<Map.Entry<String, String>> found = expressions(query);
    if (!found.isEmpty()) {
      throw new BadUserRequestException("查询条件不允许使用表达式（" + found.get(0).getKey() + "）");
    }
  }

  /** Every expression of the query and of its or-queries. */
  static List<Map.Entry<String, String>> expressions(AbstractQuery<?, ?> query) {
    List<Map.Entry<String, String>> all = new ArrayList<>(query.getExpressions().entrySet());
    if (query instanceof TaskQueryImpl task && task.getQueries() != null) {
      for (TaskQueryImpl or : task.getQueries()) {
        if (or != task) {
          all.addAll(or.getExpressions().entrySet());
        }
      }
    }
    return all;
  }
}
