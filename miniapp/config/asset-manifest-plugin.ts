import type { Compiler } from 'webpack'

const NAME = 'GovAssetManifestPlugin'

/**
 * H5 only: writes dist/h5/asset-manifest.json, listing the files of the entry (what
 * index.html loads) and, for each page, the files of its lazily loaded chunk group.
 * scripts/miniapp-sizes.js reads it to compute the first-load size of the home page.
 */
export class AssetManifestPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const entrypoints: Record<string, string[]> = {}
        for (const [name, ep] of compilation.entrypoints) entrypoints[name] = ep.getFiles()
        const pages: Record<string, string[]> = {}
        for (const group of compilation.chunkGroups) {
          if (group.isInitial()) continue
          for (const origin of group.origins) {
            const m = /((?:pages|subpackages)\/[\w\-/]+?)(?:\.[jt]sx?)?(?:\?|$)/.exec(origin.request ?? '')
            if (!m) continue
            const files = new Set([...(pages[m[1]] ?? []), ...group.getFiles()])
            pages[m[1]] = [...files].sort()
          }
        }
        const manifest = { entrypoints, pages }
        compilation.emitAsset('asset-manifest.json', new sources.RawSource(JSON.stringify(manifest, null, 2)))
      })
    })
  }
}
