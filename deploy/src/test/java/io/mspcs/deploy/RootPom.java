package io.mspcs.deploy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Properties of the root pom.xml, where the platform pins its versions (architecture.md §2). */
final class RootPom {

    private RootPom() {
    }

    static String property(String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(Repo.read(Repo.path("pom.xml")));
        if (!matcher.find()) {
            throw new IllegalStateException("the root pom.xml has no property " + name);
        }
        return matcher.group(1).trim();
    }
}
