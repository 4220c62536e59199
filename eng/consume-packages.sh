#!/usr/bin/env bash
# Proves the packed packages can be consumed: installs them from a local folder feed into a throwaway
# project outside the repository (no Directory.Build.props, a fresh package cache so nothing stale is used),
# builds and runs it, and installs the proserv tool from the same feed and runs it.
set -euo pipefail
feed="$(cd "$1" && pwd)"
version=$(ls "$feed" | sed -n 's/^ProServ\.Integration\.Abstractions\.\(.*\)\.nupkg$/\1/p' | head -n 1)
[ -n "$version" ] || { echo "consume-packages: no ProServ.Integration.Abstractions package in $feed" >&2; exit 1; }
list_entries() {
  if command -v unzip >/dev/null 2>&1; then unzip -Z1 "$1"; else python3 -c 'import sys,zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"; fi
}
read_entry() {
  if command -v unzip >/dev/null 2>&1; then unzip -p "$1" "$2"; else python3 -c 'import sys,zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; fi
}
for id in ProServ.Integration.Abstractions ProServ.Integration.Schemas ProServ.Integration.Cli ProServ.Integration \
  ProServ.Integration.Sqlite ProServ.Integration.PostgreSql ProServ.Integration.Http ProServ.Integration.Testing; do
  pkg="$feed/$id.$version.nupkg"
  [ -f "$pkg" ] || { echo "consume-packages: missing $pkg" >&2; exit 1; }
  # grep reads to the end (no -q): an early exit would kill the lister with SIGPIPE and fail the pipeline under pipefail.
  list_entries "$pkg" | grep -x 'README.md' >/dev/null || { echo "consume-packages: $id has no README.md" >&2; exit 1; }
  read_entry "$pkg" "$id.nuspec" | grep '<license type="expression">MIT</license>' >/dev/null || { echo "consume-packages: $id has no licence expression" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages"
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
  <packageSourceMapping>
    <packageSource key="local"><package pattern="ProServ.*" /></packageSource>
    <packageSource key="nuget.org"><package pattern="*" /></packageSource>
  </packageSourceMapping>
</configuration>
XML
mkdir -p "$work/Consumer"
cat > "$work/Consumer/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="ProServ.Integration.Abstractions" Version="$version" />
    <PackageReference Include="ProServ.Integration.Schemas" Version="$version" />
  </ItemGroup>
</Project>
XML
cp "$(dirname "$0")/consumer/Program.cs" "$work/Consumer/Program.cs"
(cd "$work" && dotnet run --project Consumer -c Release -nologo)

dotnet tool install ProServ.Integration.Cli --version "$version" --tool-path "$work/tools" \
  --configfile "$work/nuget.config" >/dev/null
"$work/tools/proserv" schemas list >/dev/null
"$work/tools/proserv" --version
echo "consume-packages: ProServ.Integration $version packages restore, build, run, and the proserv tool installs"
