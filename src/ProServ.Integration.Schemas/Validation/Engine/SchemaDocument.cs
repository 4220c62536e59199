using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>A loaded schema document and the vocabulary it is evaluated with.</summary>
internal sealed record SchemaDocument(JsonElement Root, bool ValidationVocabulary, bool AssertFormat);
