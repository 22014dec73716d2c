package lscb.kernel;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Maven artifacts for %maven and %%loadFromPOM, resolved with their runtime dependencies by Maven's
 * own resolver from the local repository (maven.repo.local, else ~/.m2/repository) and Maven Central,
 * plus any %mavenRepo repositories.
 */
final class MavenDependencies {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private final RepositorySystem system = new RepositorySystemSupplier().get();
  private final DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
  private final List<RemoteRepository> repositories = new ArrayList<>();

  MavenDependencies() {
    session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository().toFile())));
    repositories.add(new RemoteRepository.Builder("central", "default", "https://repo.maven.apache.org/maven2/").build());
  }

  /** maven.repo.local if set (as Maven reads it), else ~/.m2/repository. */
  static Path localRepository() {
    String local = System.getProperty("maven.repo.local");
    return local != null && !local.isBlank() ? Path.of(local)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  void addRepository(String id, String url) {
    repositories.add(new RemoteRepository.Builder(id, "default", url).build());
  }

  /** The jars of group:artifact[:extension[:classifier]]:version and its runtime dependencies. */
  List<String> resolve(String coordinates) {
    DefaultArtifact artifact;
    try {
      artifact = new DefaultArtifact(coordinates);
    } catch (IllegalArgumentException e) {
      throw new Magics.MagicError("%maven " + coordinates + ": not group:artifact:version");
    }
    return resolve(List.of(new Dependency(artifact, JavaScopes.RUNTIME)), coordinates);
  }

  private List<String> resolve(List<Dependency> dependencies, String what) {
    CollectRequest collect = new CollectRequest(dependencies, List.of(), repositories);
    DependencyRequest request = new DependencyRequest(collect,
        DependencyFilterUtils.classpathFilter(JavaScopes.COMPILE, JavaScopes.RUNTIME));
    try {
      List<String> jars = new ArrayList<>();
      for (ArtifactResult result : system.resolveDependencies(session, request).getArtifactResults()) {
        jars.add(result.getArtifact().getFile().getAbsolutePath());
      }
      return jars;
    } catch (Exception e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new Magics.MagicError("%maven " + what + ": cannot resolve it (" + firstLine(root.getMessage())
          + "); without a network only artifacts already in " + localRepository() + " resolve");
    }
  }

  /**
   * The jars of a POM's dependencies (not its dependencyManagement), with its repositories added.
   * A body without a project element is taken as the inside of one (e.g. just dependencies).
   */
  List<String> fromPom(String pom) {
    String xml = pom.contains("<project") ? pom : "<project>" + pom + "</project>";
    Document document;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new Magics.MagicError("%%loadFromPOM: the POM is not XML: " + firstLine(e.getMessage()));
    }
    Element project = document.getDocumentElement();
    Map<String, String> properties = new HashMap<>();
    for (Element group : children(project, "properties")) {
      NodeList nodes = group.getChildNodes();
      for (int i = 0; i < nodes.getLength(); i++) {
        if (nodes.item(i) instanceof Element property) {
          properties.put(property.getTagName(), property.getTextContent().trim());
        }
      }
    }
    for (Element repos : children(project, "repositories")) {
      for (Element repo : children(repos, "repository")) {
        addRepository(text(repo, "id", properties), text(repo, "url", properties));
      }
    }
    List<Dependency> dependencies = new ArrayList<>();
    for (Element deps : children(project, "dependencies")) {
      for (Element dep : children(deps, "dependency")) {
        String scope = text(dep, "scope", properties);
        if (scope.equals("test") || scope.equals("provided") || scope.equals("system")) {
          continue;
        }
        String type = text(dep, "type", properties);
        dependencies.add(new Dependency(new DefaultArtifact(text(dep, "groupId", properties),
            text(dep, "artifactId", properties), text(dep, "classifier", properties), type.isEmpty() ? "jar" : type,
            text(dep, "version", properties)), JavaScopes.RUNTIME));
      }
    }
    if (dependencies.isEmpty()) {
      throw new Magics.MagicError("%%loadFromPOM: the POM has no dependencies");
    }
    return resolve(dependencies, dependencies.size() + " POM dependencies");
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  private static String text(Element parent, String name, Map<String, String> properties) {
    List<Element> found = children(parent, name);
    String value = found.isEmpty() ? "" : found.get(0).getTextContent().trim();
    Matcher matcher = PROPERTY.matcher(value);
    StringBuilder interpolated = new StringBuilder();
    while (matcher.find()) {
      matcher.appendReplacement(interpolated, Matcher.quoteReplacement(
          properties.getOrDefault(matcher.group(1), matcher.group())));
    }
    matcher.appendTail(interpolated);
    return interpolated.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no message";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
