package cn.gov.gz.govcloud.ledger;

/** Kinds of cloud resources an application asks for and the ledger holds. */
public enum ResourceType {
  VM("云主机"), PHYSICAL("物理服务器"), STORAGE("存储"), DATABASE("数据库"), OTHER("其他");

  private final String label;

  ResourceType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
