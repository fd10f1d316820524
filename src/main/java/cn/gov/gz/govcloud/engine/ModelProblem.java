package cn.gov.gz.govcloud.engine;

/**
 * One thing wrong with a model, said to the process owner who deployed it: the file, the element (as the owner sees it
 * in the diagram, name and id), what is wrong and how to fix it, in Chinese and in English.
 */
public record ModelProblem(String resource, String element, String zh, String en) {

  public ModelProblem {
    if (resource == null || zh == null || en == null) {
      throw new IllegalArgumentException("a model problem needs its file and both texts");
    }
  }

  /** The problem as one numbered entry of a refusal: the Chinese sentence, then the English one. */
  String render(int number) {
    String where = resource + (element == null ? "" : " " + element);
    return number + ". " + where + "：" + zh + "\n   " + where + ": " + en;
  }

  @Override
  public String toString() {
    return render(1).substring(3);
  }
}
