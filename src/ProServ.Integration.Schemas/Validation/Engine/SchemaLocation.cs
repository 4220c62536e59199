using System.Text.Json;

namespace ProServ.Integration.Schemas.Validation.Engine;

/// <summary>A place in a loaded schema document: the document's index, the JSON Pointer from its root, and the element.</summary>
internal readonly record struct SchemaLocation(int Document, string Pointer, JsonElement Element);
