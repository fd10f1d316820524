package cn.gov.gz.govcloud.audit;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The client's address: the peer of the connection, unless that peer is a configured trusted reverse proxy, in which
 * case {@code X-Forwarded-For} is read from the right (the hop the proxy itself added) leftwards, skipping trusted
 * proxies, and the first untrusted hop is the client. A client cannot forge its address by sending the header itself:
 * an untrusted peer's header is ignored, and entries left of the first untrusted hop are never believed.
 */
final class ClientAddress {

  private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3}\\.){3}\\d{1,3}$");
  private static final Pattern IPV6 = Pattern.compile("^[0-9a-fA-F:.]{2,45}$");

  private final List<Range> trusted = new ArrayList<>();

  ClientAddress(List<String> trustedProxies) {
    for (String entry : trustedProxies) {
      trusted.add(Range.parse(entry));
    }
  }

  /** The client of a request with this peer address and {@code X-Forwarded-For} header (may be null). */
  String resolve(String remoteAddr, String forwardedFor) {
    String peer = strip(remoteAddr);
    if (forwardedFor == null || forwardedFor.isBlank() || !isTrusted(peer)) {
      return peer;
    }
    String[] hops = forwardedFor.split(",");
    String client = peer;
    for (int i = hops.length - 1; i >= 0; i--) {
      String hop = strip(hops[i]);
      if (!isLiteral(hop)) {
        return client; // garbage in the header: keep the last address we could believe
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  boolean isTrusted(String address) {
    if (trusted.isEmpty() || !isLiteral(address)) {
      return false;
    }
    byte[] bytes = bytesOf(address);
    return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
  }

  private static String strip(String s) {
    if (s == null) {
      return null;
    }
    String t = s.trim();
    if (t.startsWith("[") && t.contains("]")) {
      t = t.substring(1, t.indexOf(']')); // [v6]:port
    }
    return t.length() > 45 ? t.substring(0, 45) : t;
  }

  /** Only address literals are parsed, so that no header value can trigger a DNS lookup. */
  private static boolean isLiteral(String s) {
    return s != null && (IPV4.matcher(s).matches() || (s.contains(":") && IPV6.matcher(s).matches()));
  }

  private static byte[] bytesOf(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** An address or a CIDR range. */
  private record Range(byte[] network, int prefix) {

    static Range parse(String entry) {
      String[] parts = entry.split("/", 2);
      if (!isLiteral(parts[0])) {
        throw new IllegalArgumentException("govcloud.audit.trusted-proxies: 不是 IP 地址或网段: " + entry);
      }
      byte[] network = bytesOf(parts[0]);
      if (network == null) {
        throw new IllegalArgumentException("govcloud.audit.trusted-proxies: 不是 IP 地址或网段: " + entry);
      }
      int bits = network.length * 8;
      int prefix = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : bits;
      if (prefix < 0 || prefix > bits) {
        throw new IllegalArgumentException("govcloud.audit.trusted-proxies: 网段前缀无效: " + entry);
      }
      return new Range(network, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int bits = network.length * 8;
      BigInteger mask = prefix == 0 ? BigInteger.ZERO
          : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - prefix).shiftLeft(bits - prefix);
      return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
    }
  }
}
