using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProServ.Integration.Schemas.Validation.Engine.Keywords;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>
/// Compiles schema documents into <see cref="SchemaNode"/> trees: indexes resources and anchors, resolves every
/// <c>$ref</c>, checks every keyword's value and collects all problems before failing once.
/// </summary>
internal sealed class SchemaCompiler
{
    private const string VocabularyPrefix = "https://json-schema.org/draft/2020-12/vocab/";

    private readonly JsonSchemaRegistry? _registry;
    private readonly bool _assertFormat;
    private readonly List<SchemaDocument> _documents = [];
    private readonly Dictionary<string, SchemaLocation> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaLocation> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _bases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaNode> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaResource> _resourceObjects = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, SchemaLocation Location)>> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _filledResources = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    public SchemaCompiler(JsonSchemaRegistry? registry, bool assertFormat)
    {
        _registry = registry;
        _assertFormat = assertFormat;
    }

    public bool UsesDynamicScope { get; private set; }

    public static TimeSpan RegexTimeout => JsonSchemaConstants.RegexTimeout;

    public (SchemaNode Root, Uri BaseUri) Compile(JsonElement root)
    {
        var defaultBase = new Uri("https://schemas.proserv-integration.invalid/anonymous/" + Guid.NewGuid().ToString("N") + ".json");
        var doc = AddDocument(root, defaultBase);
        var rootBase = _bases[Key(doc, string.Empty)];
        var node = CompileAt(new SchemaLocation(doc, string.Empty, root), rootBase);
        FillDynamicAnchors();
        if (_problems.Count > 0)
        {
            throw new JsonSchemaException(_problems);
        }

        return (node, rootBase);
    }

    private static string Key(int doc, string pointer) => doc.ToString(CultureInfo.InvariantCulture) + "#" + pointer;

    private static string WithoutFragment(Uri uri)
    {
        var text = uri.AbsoluteUri;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? text : text[..hash];
    }

    private int AddDocument(JsonElement root, Uri retrievalUri)
    {
        var index = _documents.Count;
        var vocabulary = ReadVocabulary(root);
        _documents.Add(new SchemaDocument(root, vocabulary.Validation, vocabulary.FormatAssertion || _assertFormat));
        var rootKey = WithoutFragment(retrievalUri);
        _resources.TryAdd(rootKey, new SchemaLocation(index, string.Empty, root));
        Scan(index, root, string.Empty, retrievalUri);
        return index;
    }

    private (bool Validation, bool FormatAssertion) ReadVocabulary(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("$schema", out var schemaUri) || schemaUri.ValueKind != JsonValueKind.String ||
            _registry is null || !Uri.TryCreate(schemaUri.GetString(), UriKind.Absolute, out var metaUri) ||
            !_registry.TryGet(WithoutFragment(metaUri), out var meta) || meta.ValueKind != JsonValueKind.Object ||
            !meta.TryGetProperty("$vocabulary", out var vocabulary) || vocabulary.ValueKind != JsonValueKind.Object)
        {
            return (true, false);
        }

        var validation = false;
        var format = false;
        foreach (var entry in vocabulary.EnumerateObject())
        {
            validation |= entry.NameEquals(VocabularyPrefix + "validation");
            format |= entry.NameEquals(VocabularyPrefix + "format-assertion");
        }

        return (validation, format);
    }

    /// <summary>Indexes resources ($id), anchors and base URIs of every subschema.</summary>
    private void Scan(int doc, JsonElement element, string pointer, Uri baseUri)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            _bases.TryAdd(Key(doc, pointer), baseUri);
            return;
        }

        if (element.TryGetProperty("$id", out var id) && id.ValueKind == JsonValueKind.String &&
            Uri.TryCreate(baseUri, id.GetString(), out var resolved))
        {
            baseUri = resolved;
            _resources[WithoutFragment(baseUri)] = new SchemaLocation(doc, pointer, element);
        }

        _bases[Key(doc, pointer)] = baseUri;
        var baseKey = WithoutFragment(baseUri);
        if (element.TryGetProperty("$anchor", out var anchor) && anchor.ValueKind == JsonValueKind.String)
        {
            _anchors[baseKey + "#" + anchor.GetString()] = new SchemaLocation(doc, pointer, element);
        }

        if (element.TryGetProperty("$dynamicAnchor", out var dynamicAnchor) && dynamicAnchor.ValueKind == JsonValueKind.String)
        {
            var location = new SchemaLocation(doc, pointer, element);
            _anchors.TryAdd(baseKey + "#" + dynamicAnchor.GetString(), location);
            if (!_dynamicAnchors.TryGetValue(baseKey, out var list))
            {
                _dynamicAnchors[baseKey] = list = [];
            }

            list.Add((dynamicAnchor.GetString()!, location));
        }

        foreach (var property in element.EnumerateObject())
        {
            var childPointer = pointer + JsonPointer.Segment(property.Name);
            switch (property.Name)
            {
                case "$defs" or "definitions" or "properties" or "patternProperties" or "dependentSchemas" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var child in property.Value.EnumerateObject())
                    {
                        Scan(doc, child.Value, childPointer + JsonPointer.Segment(child.Name), baseUri);
                    }

                    break;
                case "allOf" or "anyOf" or "oneOf" or "prefixItems" when property.Value.ValueKind == JsonValueKind.Array:
                    var i = 0;
                    foreach (var child in property.Value.EnumerateArray())
                    {
                        Scan(doc, child, childPointer + JsonPointer.Segment(i++), baseUri);
                    }

                    break;
                case "items" or "contains" or "additionalProperties" or "propertyNames" or "not" or "if" or "then" or "else" or
                    "unevaluatedItems" or "unevaluatedProperties" or "contentSchema":
                    Scan(doc, property.Value, childPointer, baseUri);
                    break;
            }
        }
    }

    private SchemaResource GetResource(Uri baseUri)
    {
        var key = WithoutFragment(baseUri);
        if (!_resourceObjects.TryGetValue(key, out var resource))
        {
            _resourceObjects[key] = resource = new SchemaResource(baseUri);
        }

        return resource;
    }

    private void FillDynamicAnchors()
    {
        var progress = true;
        while (progress)
        {
            progress = false;
            foreach (var (key, resource) in _resourceObjects.ToArray())
            {
                if (!_filledResources.Add(key))
                {
                    continue;
                }

                progress = true;
                if (_dynamicAnchors.TryGetValue(key, out var anchors))
                {
                    foreach (var (name, location) in anchors)
                    {
                        resource.DynamicAnchors[name] = CompileAt(location, resource.BaseUri);
                    }
                }
            }
        }
    }

    private SchemaNode CompileAt(SchemaLocation location, Uri inheritedBase)
    {
        var key = Key(location.Document, location.Pointer);
        if (_nodes.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var element = location.Element;
        var baseUri = _bases.TryGetValue(key, out var scanned) ? scanned : inheritedBase;
        if (!_bases.ContainsKey(key))
        {
            // Reached through a JSON Pointer into an unscanned place (e.g. an unknown keyword): index it now.
            Scan(location.Document, element, location.Pointer, baseUri);
            baseUri = _bases.TryGetValue(key, out var rescanned) ? rescanned : baseUri;
        }

        var where = location.Document == 0 ? (location.Pointer.Length == 0 ? "#" : "#" + location.Pointer) : WithoutFragment(baseUri) + "#" + location.Pointer;
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
            case JsonValueKind.False:
                var boolean = new SchemaNode(GetResource(baseUri), element.ValueKind == JsonValueKind.True);
                _nodes[key] = boolean;
                return boolean;
            case JsonValueKind.Object:
                break;
            default:
                _problems.Add(where + ": a schema must be an object or a boolean, not " + JsonValues.TypeName(element) + ".");
                var placeholder = new SchemaNode(GetResource(baseUri), true);
                _nodes[key] = placeholder;
                return placeholder;
        }

        var node = new SchemaNode(GetResource(baseUri), null);
        _nodes[key] = node;
        var keywords = new List<Keyword>();
        var context = new ObjectContext(this, location, baseUri, where, _documents[location.Document]);
        context.Compile(keywords);
        node.TracksEvaluated = context.TracksEvaluated;
        node.SetKeywords(keywords);
        return node;
    }

    private SchemaNode? ResolveReference(string reference, Uri baseUri, string where, out string? dynamicAnchorName, bool dynamic)
    {
        dynamicAnchorName = null;
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var uriPart = hash < 0 ? reference : reference[..hash];
        var fragment = hash < 0 ? string.Empty : reference[(hash + 1)..];
        Uri target;
        if (uriPart.Length == 0)
        {
            target = baseUri;
        }
        else if (!Uri.TryCreate(baseUri, uriPart, out target!))
        {
            _problems.Add(where + ": '" + reference + "' is not a valid URI reference.");
            return null;
        }

        var resourceKey = WithoutFragment(target);
        if (!_resources.TryGetValue(resourceKey, out var resource) && !TryLoad(resourceKey, out resource))
        {
            _problems.Add(where + ": cannot resolve '" + reference + "': no schema is registered as '" + resourceKey + "' (nothing is fetched over the network).");
            return null;
        }

        if (fragment.Length == 0)
        {
            return CompileAt(resource, target);
        }

        if (fragment[0] == '/')
        {
            var element = resource.Element;
            var pointer = resource.Pointer;
            foreach (var token in JsonPointer.Parse(JsonPointer.PercentDecode(fragment)))
            {
                if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(token, out var child))
                {
                    element = child;
                }
                else if (element.ValueKind == JsonValueKind.Array && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
                {
                    element = element[index];
                }
                else
                {
                    _problems.Add(where + ": cannot resolve '" + reference + "': the JSON Pointer does not exist in '" + resourceKey + "'.");
                    return null;
                }

                pointer += JsonPointer.Segment(token);
            }

            return CompileAt(new SchemaLocation(resource.Document, pointer, element), new Uri(resourceKey));
        }

        var anchorName = JsonPointer.PercentDecode(fragment);
        if (!_anchors.TryGetValue(resourceKey + "#" + anchorName, out var anchored))
        {
            _problems.Add(where + ": cannot resolve '" + reference + "': no anchor '" + anchorName + "' in '" + resourceKey + "'.");
            return null;
        }

        if (dynamic && _dynamicAnchors.TryGetValue(resourceKey, out var dynamics))
        {
            foreach (var (name, location) in dynamics)
            {
                if (string.Equals(name, anchorName, StringComparison.Ordinal) && location.Document == anchored.Document &&
                    string.Equals(location.Pointer, anchored.Pointer, StringComparison.Ordinal))
                {
                    dynamicAnchorName = anchorName;
                    UsesDynamicScope = true;
                }
            }
        }

        return CompileAt(anchored, new Uri(resourceKey));
    }

    private bool TryLoad(string uri, out SchemaLocation location)
    {
        JsonElement document;
        if (_registry is not null && _registry.TryGet(uri, out var registered))
        {
            document = registered;
        }
        else if (string.Equals(uri, MetaSchema.Uri, StringComparison.Ordinal))
        {
            document = MetaSchema.Document;
        }
        else
        {
            location = default;
            return false;
        }

        AddDocument(document, new Uri(uri));
        return _resources.TryGetValue(uri, out location);
    }

    private Regex? CompileRegex(string pattern, string where)
    {
        try
        {
            return new Regex(EcmaRegexTranslator.Translate(pattern), RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            _problems.Add(where + ": '" + pattern + "' is not a valid regular expression (" + ex.Message + ").");
            return null;
        }
    }

    /// <summary>Compiles the keywords of one schema object.</summary>
    private sealed class ObjectContext
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        private readonly SchemaCompiler _compiler;
        private readonly SchemaLocation _location;
        private readonly Uri _baseUri;
        private readonly string _where;
        private readonly SchemaDocument _document;
        private readonly JsonElement _element;

        public ObjectContext(SchemaCompiler compiler, SchemaLocation location, Uri baseUri, string where, SchemaDocument document)
        {
            _compiler = compiler;
            _location = location;
            _baseUri = baseUri;
            _where = where;
            _document = document;
            _element = location.Element;
        }

        public bool TracksEvaluated { get; private set; }

        public void Compile(List<Keyword> keywords)
        {
            var validation = _document.ValidationVocabulary;
            foreach (var property in _element.EnumerateObject())
            {
                var value = property.Value;
                var name = property.Name;
                switch (name)
                {
                    case "$id" or "$schema" or "$anchor" or "$dynamicAnchor" or "$comment":
                        ExpectString(name, value);
                        break;
                    case "$vocabulary":
                        Expect(name, value, JsonValueKind.Object, "an object");
                        break;
                    case "$defs":
                        Schemas(name, value);
                        break;
                    case "$ref":
                    case "$dynamicRef":
                        if (ExpectString(name, value))
                        {
                            var target = _compiler.ResolveReference(value.GetString()!, _baseUri, _where + "/" + name, out var anchor, name == "$dynamicRef");
                            if (target is not null)
                            {
                                keywords.Add(new RefKeyword(name, anchor) { Target = target });
                            }
                        }

                        break;
                    case "type" when validation:
                        Type(keywords, value);
                        break;
                    case "enum" when validation:
                        if (Expect(name, value, JsonValueKind.Array, "an array"))
                        {
                            keywords.Add(new EnumKeyword("enum", [.. value.EnumerateArray()]));
                        }

                        break;
                    case "const" when validation:
                        keywords.Add(new EnumKeyword("const", [value]));
                        break;
                    case "multipleOf" when validation:
                        if (Expect(name, value, JsonValueKind.Number, "a number"))
                        {
                            if (JsonValues.GetDouble(value) <= 0)
                            {
                                Problem(name, "must be greater than 0");
                            }
                            else
                            {
                                keywords.Add(new MultipleOfKeyword(value));
                            }
                        }

                        break;
                    case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" when validation:
                        if (Expect(name, value, JsonValueKind.Number, "a number"))
                        {
                            keywords.Add(new NumberLimitKeyword(name, value));
                        }

                        break;
                    case "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties" when validation:
                        if (NonNegativeInteger(name, value) is long limit)
                        {
                            keywords.Add(new CountKeyword(name, limit));
                        }

                        break;
                    case "pattern" when validation:
                        if (ExpectString(name, value) && _compiler.CompileRegex(value.GetString()!, _where + "/pattern") is Regex regex)
                        {
                            keywords.Add(new PatternKeyword(regex, value.GetString()!));
                        }

                        break;
                    case "uniqueItems" when validation:
                        if (Expect(name, value, value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.ValueKind : JsonValueKind.True, "a boolean") &&
                            value.ValueKind == JsonValueKind.True)
                        {
                            keywords.Add(new UniqueItemsKeyword());
                        }

                        break;
                    case "required" when validation:
                        if (StringArray(name, value) is string[] required && required.Length > 0)
                        {
                            keywords.Add(new RequiredKeyword(required));
                        }

                        break;
                    case "dependentRequired" when validation:
                        DependentRequired(keywords, value);
                        break;
                    case "minContains" or "maxContains" when validation:
                        NonNegativeInteger(name, value);
                        break;
                    case "format":
                        Format(keywords, value);
                        break;
                    case "allOf" or "anyOf" or "oneOf":
                        if (SchemaArray(name, value) is SchemaNode[] schemas)
                        {
                            keywords.Add(name == "allOf" ? new AllOfKeyword(schemas) : new AnyOfKeyword(schemas, name == "oneOf"));
                        }

                        break;
                    case "not":
                        keywords.Add(new NotKeyword(Schema(name, value)));
                        break;
                    case "if":
                        keywords.Add(new IfKeyword(
                            Schema(name, value),
                            _element.TryGetProperty("then", out var then) ? Schema("then", then) : null,
                            _element.TryGetProperty("else", out var otherwise) ? Schema("else", otherwise) : null));
                        break;
                    case "then" or "else":
                        if (!_element.TryGetProperty("if", out _))
                        {
                            Schema(name, value);
                        }

                        break;
                    case "dependentSchemas":
                        if (Schemas(name, value) is PropertySchema[] dependents)
                        {
                            keywords.Add(new DependentSchemasKeyword(dependents));
                        }

                        break;
                    case "prefixItems":
                        keywords.Add(new ItemsKeyword(
                            SchemaArray(name, value) ?? [],
                            _element.TryGetProperty("items", out var rest) ? Schema("items", rest) : null));
                        break;
                    case "items":
                        if (!_element.TryGetProperty("prefixItems", out _))
                        {
                            keywords.Add(new ItemsKeyword([], Schema(name, value)));
                        }

                        break;
                    case "contains":
                        keywords.Add(new ContainsKeyword(
                            Schema(name, value),
                            validation && _element.TryGetProperty("minContains", out var min) && min.ValueKind == JsonValueKind.Number && JsonValues.IsInteger(min) ? (long)JsonValues.GetDouble(min) : null,
                            validation && _element.TryGetProperty("maxContains", out var max) && max.ValueKind == JsonValueKind.Number && JsonValues.IsInteger(max) ? (long)JsonValues.GetDouble(max) : null));
                        break;
                    case "properties" or "patternProperties" or "additionalProperties":
                        if (name == FirstOf("properties", "patternProperties", "additionalProperties"))
                        {
                            Properties(keywords);
                        }

                        break;
                    case "propertyNames":
                        keywords.Add(new PropertyNamesKeyword(Schema(name, value)));
                        break;
                    case "unevaluatedProperties" or "unevaluatedItems":
                        TracksEvaluated = true;
                        keywords.Add(new UnevaluatedKeyword(Schema(name, value), name == "unevaluatedProperties"));
                        break;
                    case "contentSchema":
                        Schema(name, value);
                        break;
                    case "dependencies" when value.ValueKind == JsonValueKind.Object:
                        Dependencies(keywords, value);
                        break;
                    case "contentEncoding" or "contentMediaType" or "title" or "description":
                        ExpectString(name, value);
                        break;
                    case "deprecated" or "readOnly" or "writeOnly":
                        Expect(name, value, value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.ValueKind : JsonValueKind.True, "a boolean");
                        break;
                }
            }
        }

        private string FirstOf(params string[] names)
        {
            foreach (var property in _element.EnumerateObject())
            {
                if (Array.IndexOf(names, property.Name) >= 0)
                {
                    return property.Name;
                }
            }

            return names[0];
        }

        private void Problem(string keyword, string message) => _compiler._problems.Add(_where + "/" + keyword + ": " + message + ".");

        private bool Expect(string keyword, JsonElement value, JsonValueKind kind, string what)
        {
            if (value.ValueKind == kind)
            {
                return true;
            }

            Problem(keyword, "must be " + what + ", not " + JsonValues.TypeName(value));
            return false;
        }

        private bool ExpectString(string keyword, JsonElement value) => Expect(keyword, value, JsonValueKind.String, "a string");

        private long? NonNegativeInteger(string keyword, JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.Number || !JsonValues.IsInteger(value) || JsonValues.GetDouble(value) < 0)
            {
                Problem(keyword, "must be a non-negative integer, not " + JsonValues.Describe(value));
                return null;
            }

            var d = JsonValues.GetDouble(value);
            return d >= long.MaxValue ? long.MaxValue : (long)d;
        }

        private string[]? StringArray(string keyword, JsonElement value)
        {
            if (!Expect(keyword, value, JsonValueKind.Array, "an array of strings"))
            {
                return null;
            }

            var result = new List<string>();
            foreach (var item in value.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.String)
                {
                    Problem(keyword, "must contain only strings, not " + JsonValues.Describe(item));
                    return null;
                }

                result.Add(item.GetString()!);
            }

            return [.. result];
        }

        private SchemaNode Schema(string keyword, JsonElement value) =>
            _compiler.CompileAt(new SchemaLocation(_location.Document, _location.Pointer + JsonPointer.Segment(keyword), value), _baseUri);

        private SchemaNode[]? SchemaArray(string keyword, JsonElement value)
        {
            if (!Expect(keyword, value, JsonValueKind.Array, "an array of schemas"))
            {
                return null;
            }

            if (value.GetArrayLength() == 0)
            {
                Problem(keyword, "must not be empty");
                return null;
            }

            var result = new List<SchemaNode>();
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                result.Add(_compiler.CompileAt(new SchemaLocation(_location.Document, _location.Pointer + JsonPointer.Segment(keyword) + JsonPointer.Segment(i++), item), _baseUri));
            }

            return [.. result];
        }

        private PropertySchema[]? Schemas(string keyword, JsonElement value)
        {
            if (!Expect(keyword, value, JsonValueKind.Object, "an object of schemas"))
            {
                return null;
            }

            var result = new List<PropertySchema>();
            foreach (var child in value.EnumerateObject())
            {
                var location = "/" + keyword + JsonPointer.Segment(child.Name);
                var node = _compiler.CompileAt(new SchemaLocation(_location.Document, _location.Pointer + location, child.Value), _baseUri);
                result.Add(new PropertySchema(Utf8.GetBytes(child.Name), node, location));
            }

            return [.. result];
        }

        private void Type(List<Keyword> keywords, JsonElement value)
        {
            var types = JsonTypes.None;
            if (value.ValueKind == JsonValueKind.String)
            {
                types = TypeOf(value);
            }
            else if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
            {
                foreach (var item in value.EnumerateArray())
                {
                    types |= item.ValueKind == JsonValueKind.String ? TypeOf(item) : Invalid(item);
                }
            }
            else
            {
                Problem("type", "must be a type name or a non-empty array of type names, not " + JsonValues.Describe(value));
                return;
            }

            if (types != JsonTypes.None)
            {
                var expected = value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Join(" or ", value.EnumerateArray().Select(static t => t.ToString()));
                keywords.Add(new TypeKeyword(types, expected));
            }

            JsonTypes Invalid(JsonElement item)
            {
                Problem("type", "contains " + JsonValues.Describe(item) + ", which is not a type name");
                return JsonTypes.None;
            }
        }

        private JsonTypes TypeOf(JsonElement name)
        {
            var text = name.GetString();
            switch (text)
            {
                case "null": return JsonTypes.Null;
                case "boolean": return JsonTypes.Boolean;
                case "object": return JsonTypes.Object;
                case "array": return JsonTypes.Array;
                case "number": return JsonTypes.Number;
                case "string": return JsonTypes.String;
                case "integer": return JsonTypes.Integer;
                default:
                    Problem("type", "'" + text + "' is not a JSON Schema type (null, boolean, object, array, number, string, integer)");
                    return JsonTypes.None;
            }
        }

        private void DependentRequired(List<Keyword> keywords, JsonElement value)
        {
            if (!Expect("dependentRequired", value, JsonValueKind.Object, "an object of string arrays"))
            {
                return;
            }

            var rules = new List<(byte[], string, byte[][], string[])>();
            foreach (var entry in value.EnumerateObject())
            {
                if (StringArray("dependentRequired", entry.Value) is string[] names)
                {
                    rules.Add((Utf8.GetBytes(entry.Name), entry.Name, names.Select(static n => Utf8.GetBytes(n)).ToArray(), names));
                }
            }

            keywords.Add(new DependentRequiredKeyword([.. rules]));
        }

        /// <summary>Compiles the pre-2019 <c>dependencies</c> keyword (arrays as dependentRequired, schemas as dependentSchemas) for compatibility.</summary>
        private void Dependencies(List<Keyword> keywords, JsonElement value)
        {
            var rules = new List<(byte[], string, byte[][], string[])>();
            var schemas = new List<PropertySchema>();
            foreach (var entry in value.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Array)
                {
                    if (StringArray("dependencies", entry.Value) is string[] names)
                    {
                        rules.Add((Utf8.GetBytes(entry.Name), entry.Name, names.Select(static n => Utf8.GetBytes(n)).ToArray(), names));
                    }
                }
                else
                {
                    var location = "/dependencies" + JsonPointer.Segment(entry.Name);
                    var node = _compiler.CompileAt(new SchemaLocation(_location.Document, _location.Pointer + location, entry.Value), _baseUri);
                    schemas.Add(new PropertySchema(Utf8.GetBytes(entry.Name), node, location));
                }
            }

            keywords.Add(new DependentRequiredKeyword([.. rules]));
            keywords.Add(new DependentSchemasKeyword([.. schemas]));
        }

        private void Format(List<Keyword> keywords, JsonElement value)
        {
            if (!ExpectString("format", value) || !_document.AssertFormat)
            {
                return;
            }

            var format = value.GetString()!;
            var kind = FormatChecker.Parse(format);
            if (kind != FormatKind.Unknown)
            {
                keywords.Add(new FormatKeyword(kind, format));
            }
        }

        private void Properties(List<Keyword> keywords)
        {
            PropertySchema[] properties = [];
            var patterns = new List<PatternSchema>();
            SchemaNode? additional = null;
            if (_element.TryGetProperty("properties", out var props))
            {
                properties = Schemas("properties", props) ?? [];
            }

            if (_element.TryGetProperty("patternProperties", out var patternProps) && Expect("patternProperties", patternProps, JsonValueKind.Object, "an object of schemas"))
            {
                foreach (var entry in patternProps.EnumerateObject())
                {
                    var location = "/patternProperties" + JsonPointer.Segment(entry.Name);
                    var node = _compiler.CompileAt(new SchemaLocation(_location.Document, _location.Pointer + location, entry.Value), _baseUri);
                    if (_compiler.CompileRegex(entry.Name, _where + location) is Regex regex)
                    {
                        patterns.Add(new PatternSchema(regex, node, location));
                    }
                }
            }

            if (_element.TryGetProperty("additionalProperties", out var additionalSchema))
            {
                additional = Schema("additionalProperties", additionalSchema);
            }

            keywords.Add(new PropertiesKeyword(properties, [.. patterns], additional));
        }
    }
}
