package io.mspcs.gateway.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a webhook may point (gateway.md §6, §11 #23): {@code https} (plain http only where allowed, i.e. dev), and a
 * host whose every address is public — no loopback, private, link-local (cloud metadata included), multicast,
 * unspecified or unique-local address. Checked at creation and again before every delivery (DNS can change).
 */
public final class WebhookUrlPolicy {

    private final boolean httpAllowed;

    public WebhookUrlPolicy(boolean httpAllowed) {
        this.httpAllowed = httpAllowed;
    }

    /** Why the URL is refused, checking only its form; empty when the form is acceptable. */
    public Optional<String> refuseForm(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(httpAllowed && scheme.equals("http"))) {
            return Optional.of(httpAllowed ? "only http and https URLs" : "only https URLs");
        }
        if (uri.getHost() == null || uri.getHost().isBlank() || uri.getUserInfo() != null) {
            return Optional.of("a host is required and credentials in the URL are not allowed");
        }
        return Optional.empty();
    }

    /** Why the resolved addresses are refused; empty when every one is public. */
    public Optional<String> refuseAddresses(List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of("the host does not resolve");
        }
        return addresses.stream().filter(a -> !isPublic(a)).findFirst()
                .map(a -> "the host resolves to a non-public address");
    }

    public static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) && first < 224;
        }
        if (address instanceof Inet6Address) {
            return (b[0] & 0xfe) != 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
