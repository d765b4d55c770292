declare module 'virtual:watchwords/terms' {
  const terms: import('./core/matcher/matcher').MatchableEntry[];
  export default terms;
}
declare module 'virtual:watchwords/entries' {
  const entries: import('./core/dataset/schema').Entry[];
  export default entries;
}
