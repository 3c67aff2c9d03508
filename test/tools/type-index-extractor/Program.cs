using System;
using System.IO;
using System.IO.Compression;
using System.Reflection;

// Usage: TypeIndexExtractor <Azure.Bicep.Types.Az.dll> <index.json to write>
// The package keeps each JSON file as a raw-deflated manifest resource; the index is "index.json.deflated".
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: TypeIndexExtractor <Azure.Bicep.Types.Az.dll> <output index.json>");
    return 2;
}
const string IndexResource = "index.json.deflated";
var assembly = Assembly.LoadFile(Path.GetFullPath(args[0]));
using var compressed = assembly.GetManifestResourceStream(IndexResource);
if (compressed is null)
{
    Console.Error.WriteLine($"{args[0]} has no resource {IndexResource}");
    return 1;
}
// Written beside the final name and then moved, so that an interrupted run leaves no half index behind.
var partial = args[1] + ".partial";
using (var output = File.Create(partial))
using (var inflated = new DeflateStream(compressed, CompressionMode.Decompress))
{
    inflated.CopyTo(output);
}
File.Move(partial, args[1], overwrite: true);
return 0;
