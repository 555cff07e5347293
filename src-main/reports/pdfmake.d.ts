// pdfmake 0.3 ships no type declarations; this is the part of its server API the reports use.
declare module 'pdfmake' {
  interface OutputDocument {
    getStream(): Promise<unknown>
    getBuffer(): Promise<Buffer>
  }
  interface PdfMake {
    virtualfs: { writeFileSync(name: string, content: Buffer | string): void }
    setFonts(fonts: Record<string, Record<string, string>>): void
    setUrlAccessPolicy(callback: (url: string) => boolean): void
    setLocalAccessPolicy(callback: (path: string) => boolean): void
    createPdf(definition: object, options?: object): OutputDocument
  }
  const pdfmake: PdfMake
  export default pdfmake
}
