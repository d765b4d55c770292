// The sourcing rule of docs/dataset.md, as code: which sources an entry may cite, and how old its check may be.
// `npm run check:data` applies `sourcePolicyProblems` to every entry; `npm run check:data -- --stale` prints
// `staleReport`.
import { statedFields } from '../core/dataset/dataset';
import { hasStatus, isPrimary, type Entry, type EntryWithStatus } from '../core/dataset/schema';

/**
 * Domains that are never a source: they copy other people's work (scrapers, mirrors, document dumps), repackage it
 * (aggregators, content farms, machine-written trackers), or dress up as someone else (look-alikes). The original
 * is always citable instead: congress.gov or govinfo for a bill, the agency's own page, the court's opinion, the
 * company's own site, the outlet that reported first. A domain matches itself and its subdomains.
 */
export const deniedDomains: Record<string, string> = {
  // Content farms and machine-written explainers.
  'legalclarity.org': 'content farm (legal explainers)',
  'archyde.com': 'content farm (machine-written; ran an invented lawsuit story)',
  'gen-us.space': 'content farm (unsigned "investigations" with invented facts)',
  'osintsights.com': 'content farm',
  'cisowhisperer.com': 'content farm',
  'global-political-spotlight.com': 'content farm',
  'cybernative.ai': 'machine-written posts with invented facts (a "Virginia-based" DataWorks Plus, a 2024 Detroit rollout)',
  'principlecivics.com': 'content farm',
  'actioncybertimes.com': 'content farm',
  'cybersecuritymarket.com': 'content farm',
  'spinsafe.com': 'content farm',
  'merdekapulse.com': 'content farm (machine-rewritten news; no bylines or sources)',
  'malayinsight.com': 'content farm (machine-rewritten news; same text as merdekapulse.com)',
  'newsbang.com': 'aggregator (summaries of other outlets\' stories)',
  'piqmarkets.com': 'aggregator (machine summaries of other outlets\' stories)',
  'firearmsforever.org': 'reprint site (unlicensed copies of Defense One stories)',
  'on-edgenews.com': 'reprint site (unlicensed copies of news stories)',
  'techbuzz.ai': 'content farm',
  'banandre.com': 'content farm',
  'aijurium.com': 'content farm',
  'theprivacylaw.com': 'content farm',
  'courtrules.app': 'content farm',
  'eurocomply.app': 'content farm',
  'quylt.ai': 'content farm',
  'laws9.com': 'content farm',
  'thebaron.info': 'content farm',
  'bigtechwire.com': 'content farm',
  'stlouist.com': 'content farm',
  'hellboundanddown.com': 'content farm',
  'latestnewshub.co.uk': 'content farm',
  'thestartup.report': 'content farm',
  'evotek.vn': 'content farm',
  'turkishescortistanbul.com': 'spam site rewriting news with invented facts (turned a Register story on a $25M ICE-BI2 award into a cancellation)',
  'lagosclothing.com': 'spam domain hosting copies of GOV.UK pages (cite gov.uk)',
  'fintechinsights.top': 'content farm (machine-rewritten defence news: the Air Force A2/6 split, seen by deep1)',
  'gadgetflare.top': 'content farm (machine-rewritten defence news under an off-topic name, seen by deep1)',
  'techbuzzpro.top': 'content farm (machine-rewritten cybersecurity news: the CISA nominee hearing, seen by deep1)',
  'tokiox.com': 'content farm',
  'theblot.com': 'content farm',
  'brightgram.com': 'content farm',
  'virtual-coach.com': 'content farm',
  'politicalwhistle.com': 'content farm',
  'cabrilloclub.com': 'content farm (machine-written contract "intelligence")',
  'drivtu.com': 'content farm',
  'whatthefuture.ai': 'content farm (rewrites of other outlets\' reporting)',
  'trendsmask.com': 'content farm',
  'enotes.com': 'study-guide site',
  'studentnewsdaily.com': 'study-guide site',
  // Scrapers and reprint sites (a copy of someone else's article).
  'fifthestate.nz': 'reprints of U.S. government press releases (securengin.fifthestate.nz ran the SDNY Near Intelligence release as "Source: US FBI"; cite justice.gov)',
  'trendkia.com': 'rewrite of a WIRED investigation (Rank One and Meta, June 2026) passed off as its own ("Obtained by TrendKia")',
  'indebta.com': 'reprint of Financial Times articles',
  'wulfenitecreations.com': 'machine-spun copies of news articles',
  'veronventuregroups.com': 'copies of tech news articles',
  'dblackadon.com': 'copy of ACLU case pages',
  'prosperplanetpulse.com': 'machine-reworded copies of local TV news (WXYZ)',
  'imtr.net': 'scraper',
  'newscord.org': 'scraper',
  'webstat.net': 'machine rewrites of news stories',
  'zoonop.com': 'scraper',
  'daily8.com': 'scraper',
  'talklpnews.com': 'scraper',
  'trends.glance.com': 'aggregator',
  'otherweb.com': 'aggregator',
  'apadanamedia.org': 'scraper',
  'planetwaves.net': 'reprint site',
  'worldwiretimes.com': 'reprint site',
  'newsforall.eu': 'reprint site',
  'infosunrise.com': 'reprint site',
  'donestech.net': 'reprint site',
  'gadgetpieces.com': 'reprint site',
  'aibottel.com': 'reprint site',
  'blacktechdaily.com': 'reprint site',
  'squidsaccess.com': 'reprint site',
  'qudsnen.co': 'reprint site',
  'thenationalpolicy.com': 'reprint site',
  'eletiofe.com': 'reprint site',
  'conservatics.com': 'reprint site',
  'tvdelmarva.com': 'reprint site',
  'socmedtech.com': 'reprint site',
  'nagacyberdefense.net': 'reprint site (machine translation)',
  'thehongkongpost.com': 'reprint site',
  'cleowaller.blogspot.com': 'reprint blog',
  'i3investor.com': 'reprint blog',
  'expediteq.com': 'reprint site',
  'adam.curry.com': 'reprint site',
  'mapinc.org': 'reprint archive',
  'toddlollar.com': 'reprint site (copies of The Intercept)',
  'glassess.biz': 'reprint site (copies of The Intercept)',
  'oxypedia.com': 'reprint site (copy of Protocol)',
  'fromthetrenchesworldreport.com': 'reprint site',
  'tigirlshockey.com': 'reprint site (copy of The Verge)',
  'ymjeong.com': 'reprint site (copy of WIRED)',
  'crownbread.com': 'reprint site (machine-reworded copy)',
  'marcpickren.org': 'reprint site (machine-reworded copy of WIRED)',
  'aicryptobuzz.com': 'reprint site (machine-reworded copy)',
  'mynews24x7.in': 'reprint site',
  'sechead.com': 'reprint site',
  'heavyhaultexas.com': 'reprint site (copy of FreightWaves)',
  'kr.klearx.com': 'reprint site (machine translation)',
  'companydirectorylist.com': 'scraper',
  'newsbreak.com': 'aggregator',
  'sofx.com': 'aggregator',
  'yhoo.it': 'link shortener',
  'topix.com': 'aggregator',
  'pod.wave.co': 'podcast aggregator',
  'theactualnews.org': 'aggregator (one-paragraph summaries of other outlets\' reporting)',
  '4n.net': 'aggregator (machine-written briefs of other outlets\' reporting)',
  'whatfinger.com': 'aggregator (link pages to other outlets)',
  'fewsapp.com': 'aggregator (translated summaries of other outlets\' reporting)',
  'tuttiquotidiani.it': 'reprint site (copies of The Independent and others)',
  // Look-alikes: names borrowed from real outlets.
  'nytimesnewstoday.com': 'look-alike of The New York Times',
  'washingtontimesnewstoday.com': 'look-alike of The Washington Times',
  'news-usa.today': 'look-alike of USA Today',
  'theoznews.com': 'look-alike news site',
  // Encyclopedia and document mirrors.
  'wiki.gravy.cc': 'encyclopedia mirror',
  'encyclopedia.datana.cloud': 'encyclopedia mirror',
  'wiki.av1.space': 'encyclopedia mirror',
  'wikimili.com': 'encyclopedia mirror',
  'questionai.com': 'encyclopedia mirror',
  'bdmobi.com': 'encyclopedia mirror',
  'review.clateway.com': 'encyclopedia mirror',
  'grey-earl.ga': 'encyclopedia copy',
  'perlic.ignorelist.com': 'mirror of EFF pages',
  'kuztomin.com': 'copy of GOV.UK pages',
  'redlib.plushiemc.com': 'forum mirror',
  'http3.lol': 'web proxy serving copies of other sites (Wikipedia)',
  'docslib.org': 'document dump',
  'docest.com': 'document dump',
  'vdocument.in': 'document dump',
  'fdocuments.net': 'document dump',
  'dokumen.tips': 'document dump',
  'pdf-archive.com': 'document dump',
  'online.flipbuilder.com': 'document dump',
  'usercontent.dev': 'file host',
  'self-law.org': 'statute mirror',
  'panth.com': 'statute mirror',
  'everycrsreport.com': 'mirror of CRS reports (cite crsreports.congress.gov)',
  'capitollabsllc.com': 'mirror of CRS reports (cite crsreports.congress.gov)',
  'oversight.garden': 'mirror of inspector-general reports (cite the inspector general)',
  'ftp.sourcewatch.org': 'mirror host',
  'webiis10.mondaq.com': 'mirror host',
  'federalgrantswire.com': 'mirror of federal Assistance Listings (cite the agency program page)',
  'core-prod.cambridgecore.org': 'internal host of Cambridge Core (cite cambridge.org)',
  'iframe.standard.co.uk': 'embedded wire feed',
  // Machine-written bill trackers: the bill's own record is on congress.gov or govinfo.gov.
  'govroll.com': 'bill tracker (copy)',
  'billbreakdown.org': 'bill tracker (machine-written)',
  'policybrief.co': 'bill tracker (machine-written)',
  'congress.wiki': 'bill tracker (machine-written)',
  'usquery.com': 'bill tracker (copy)',
  'billsponsor.com': 'bill tracker (copy)',
  'cosponsor.us': 'bill tracker (copy)',
  'civics.gg': 'bill tracker (copy)',
  'hozzl.com': 'bill tracker (copy)',
  'lustra.news': 'bill tracker (machine-written)',
  'omb.report': 'regulations tracker (copy)',
  // Copies of government and court documents: cite the court, the Federal Register or the agency itself.
  'regulations.justia.com': 'copy of Federal Register documents (cite federalregister.gov)',
  'federalregister.com': 'copy of Federal Register documents, not the official federalregister.gov (cite federalregister.gov)',
  'federal.elaws.us': 'copy of Federal Register documents (cite federalregister.gov)',
  'wikisource.org': 'copy of public documents (cite the court or the issuer)',
  'parallelparliament.co.uk': 'copy of Hansard and parliamentary papers (cite hansard.parliament.uk or parliament.uk)',
  'vlex.com': 'case-law copy (cite the court or CourtListener)',
  'midpage.ai': 'case-law copy (cite the court or CourtListener)',
  'ecases.us': 'case-law copy (cite the court or CourtListener)',
  'modeledge.ai': 'proxy copy of SEC filings (cite sec.gov)',
  'secinvestors.com': 'copy of SEC filings (cite sec.gov)',
  // Met by deep3 (2026-12-05).
  'volknews.com': 'reprint site (NPR story reproduced with {snip} cuts)',
  'gblock.app': 'content site (unsigned rewrites of news reports, selling subscriptions)',
  'onlyplanz.com': 'spun copy of BBC reporting (machine-reworded)',
  'harpianews.com': 'spun copy of BBC reporting (machine-reworded)',
  'zqr6mfrgh.asia': 'proxy copy of BAILII judgments (cite the court, BAILII or the National Archives)',
  'checkoutapi.com': 'copy of the U.S. Code and its notes (cite uscode.house.gov)',
  'govregs.com': 'copy of the U.S. Code and regulations (cite uscode.house.gov or ecfr.gov)',
  'orderpaper.co.uk': 'copy of gov.uk consultations and papers ("last fetched from gov.uk"; cite gov.uk)',
  'legislationtracker.co.uk': 'legislation tracker (machine-written summaries with "arguments for/against"; cite legislation.gov.uk)',
  // Met by deep11 (2026-12-05).
  'derricklin.net': 'machine-written digests (ai-digest.derricklin.net pages say "Generated by Codex")',
  'fatherofelonmusk.com': 'content farm (machine-rewritten versions of other outlets\' stories)',
  'thecontinuumbrief.com': 'aggregator ("signals" summarising other outlets\' stories, linking out)',
  'a2znews.uk': 'machine-written bilingual digests of other outlets\' stories',
  // Met by deep10 (2026-12-05).
  'globalainews.in': 'reprint site (Ars Technica story reproduced under an "AI editorial team" byline)',
  'crene.com': 'machine rewrites of news stories',
  'digitrendz.blog': 'machine-written summaries of other outlets\' stories',
  'claimdepot.com': 'class-action settlement claims aggregator (cite the court, the settlement site or the reporting outlet)',
  'nonstop-news.com': 'unsigned, undated rewrites of local news (no sources named)',
  'ssenglish.net': 'garbled copy of ftc.gov press releases (cite ftc.gov)',
  // Met by deep13 (2026-12-05).
  'toolstac.com': 'content site (first-person and "AI version" rewrites of news reports)',
  'hashe.com': 'unsigned rewrite of other outlets\' news reports',
  'citizenportal.ai': 'AI-generated summaries of public meetings (cite the meeting record)',
  'thefinancialnews247.com': 'copy of a Forbes article',
  'moneydown.org': 'machine-reworded copy of a Forbes article',
  'trustedbulletin.com': 'copy of a The Hill article',
  'a4hu.org': 'copy of a Healthcare Dive article',
  'traitcraft.com': 'rewrite of a TechCrunch article',
  'tengele.com': 'rewrite of a TechCrunch article',
  'industrialnewstoday.com': 'rewrite of other outlets\' reports (Gizmodo, WSJ)',
  'automationnewstoday.com': 'machine-written commentary rewriting a TechCrunch article',
  'briefnewsdaily.com': '"extended summary" of other outlets\' articles (TechCrunch)',
  'usaemall.com': 'copy of a Global News article',
  'dogecointoday.com': 'machine-reworded copy of a Global News article',
  'webjosh.com': 'copy of a Global News article',
  // Met by deep9 (2026-12-05): copies, rewrites and machine-written pages returned for its entries.
  'csraid.com': 'machine-written security "hub" with invented facts (said Tal Dilian was delisted; he stayed sanctioned)',
  'polarherald.com': 'uncredited rewrite of wire stories (Reuters/Bloomberg on the Intellexa delisting)',
  'bharathorizon.com': 'uncredited rewrite of wire stories (Reuters/Bloomberg on the Intellexa delisting)',
  'imdhmi.com': 'rewrite of a Reuters story with added commentary (cite the original)',
  'securitycurated.com': 'machine-written rewrite of other outlets\' stories',
  'cristianthous.com': 'machine-written rewrite of other outlets\' stories',
  'peer2peernews.com': 'feed copying other outlets\' articles (a Chicago Sun-Times story)',
  'newsbycounty.com': 'headline aggregator (GNews feed) of other outlets\' stories',
  'ai-maestro.online': 'machine-written rewrite of a 404 Media story',
  'developmentstoday.com': 'machine-written rewrite ("according to the supplied source text")',
  'ai-radar.it': 'machine-written rewrite of a 404 Media story',
  'pulseaugur.com': 'AI-generated news summaries of other outlets (cite the original)',
  'themodelwire.com': 'AI-generated "analyst takes" on other outlets\' stories',
  'theymadethat.com': 'content farm (unsourced claims about defense contracts)',
  'udit.co': 'content farm (unsourced claims about defense contracts)',
  'thinkempirezone.top': 'machine-written rewrite of other outlets\' stories',
  'techpulse.top': 'machine-written rewrite of other outlets\' stories',
  'geekgadgetry.top': 'machine-written rewrite of other outlets\' stories',
  'gadgethype.top': 'machine-written rewrite of other outlets\' stories',
  'delukr.kiev.ua': 'rewrite of other outlets\' stories',
  'insightswire.com': 'machine-written rewrite of other outlets\' stories',
  'techstora.com': 'machine-written rewrite with wrong details (dated Mobile Fortify\'s CBP launch to 2023)',
  'mestios.com': 'machine-written rewrite of other outlets\' stories',
  'voicemv.com': 'machine-written rewrite of other outlets\' stories',
  'sauto.vn': 'rewrite of other outlets\' stories',
  'worldofsoftware.org': 'copy of a TV station\'s story (KSNW/Nexstar)',
  'metacore.com.pk': 'relay of another outlet\'s story (The Hacker News)',
  'sentinel-team.org': 'snapshots of Reddit posts (cite the linked original)',
  'cybernoz.com': 'copy of other outlets\' cybersecurity stories',
  'cyberwarriorsmiddleeast.com': 'rewrite of other outlets\' cybersecurity stories',
  'bizonews.com': 'machine-written news with garbled facts (names and offices confused)',
  'd3tenders.com': 'copies of UK contract notices (cite find-tender.service.gov.uk or contractsfinder.service.gov.uk)',
  'nourished.news': 'AI-generated news summaries of other outlets',
  'wooownews.com': 'copy of other outlets\' articles (CNN Business)',
  'getnewsexpress.com': 'spun copy of other outlets\' articles (CNN Business)',
  'baskentmuhendislik.com': 'copy of other outlets\' articles (CNN Business)',
  'uk-times.com': 'copy of other outlets\' articles (The Independent)',
  'gunnewsdaily.com': 'aggregator of other outlets\' stories',
  'tampang.com': 'rewrite of other outlets\' stories',
  'apollothirteen.com': 'machine-written rewrite of other outlets\' stories (Army-Anduril contract)',
  'coinpulsehq.com': 'rewrite of other outlets\' stories (Army-Anduril contract)',
  'artificialintelnews.com': 'machine-written rewrite of other outlets\' stories',
  'amezly.com': 'machine-written rewrite with unfilled template text ("[Insert Date of Announcement]")',
  // Met by deep12 (2026-12-05).
  'usintimes.com': 'copy of a 404 Media article (Fog Data Science in Nevada, Apr. 2026) run under its reporter\'s byline',
  'pulse.bot': 'aggregator (machine-written digests of other outlets\' stories)',
  'disinformationcommission.com': 'content site (unsigned rewrites of other outlets\' reporting)',
  'mainstreetindependent.com': 'content site (machine rewrites of other outlets\' reporting, "according to ... reporting")',
  'panoramapolitics.com': 'aggregator (machine-written summaries of other outlets\' coverage)',
  'tldrdaily.news': 'aggregator (summaries of other outlets\' articles)',
  'iask.ca': 'aggregator (AI summaries of other outlets\' articles)',
  // Met by second2 (2026-12-05).
  'fortworthreports.org': 'look-alike of the Fort Worth Report (fortworthreport.org) carrying reworded Reuters copy',
  'usa-times.news': 'look-alike news site (unsigned rewrites of other outlets\' stories)',
  'demstate.com': 'rewrites of other outlets\' stories (a Reuters report reworded with commentary)',
  'ibvl.in': 'reprint site (blog.ibvl.in reproduces 404 Media articles in full)',
  'parallaxnews.io': 'aggregator (headlines and blurbs of other outlets\' stories)',
  // Met by open6 (2026-12-05).
  'techteacher.org': "machine-written summaries of other outlets' stories (one named the wrong founder of pcTattletale)",
  'techsolution.vn': "machine-written rewrites of other outlets' stories (Ars Technica on pcTattletale)",
  'tweakedgeek.com': "machine-written summaries of other outlets' stories",
  'femaleswitch.com': 'content farm (startup-blog rewrites of news stories)',
  'securitythisday.com': "reprint site (The Record's articles reproduced with the author's bio)",
  'newsusahub.com': "machine rewrites of other outlets' stories (\"Read the original article at NBC\")",
  'datingbydate.com': 'rewrite of an NBC News story on an unrelated site',
  'capcreds.com': "aggregator (AI summaries of other outlets' articles)",
  'up.railway.app': 'free hosting for copied pages (a Grokipedia mirror)',
  'byteseu.com': 'copy of BBC live coverage',
  'newsy-today.com': 'machine rewrites of BBC reporting',
  'thewriterstown.com': 'copy of BBC articles',
  'syn.news': "AI-generated syntheses of other outlets' stories (\"This is not journalism\")",
  'coron.tech': 'scraped copies of news stories',
  'techwiredaily.net': 'machine rewrite of an Ars Technica story',
  'networkherald.com': 'machine rewrite of an Ars Technica story, adding claims the original does not make',
  'zivvynews.com': "rewrites of other outlets' reports (Biometric Update, Law360)",
  'xc0de.io': 'RSS-reader copies of Federal News Network stories',
  'threatcluster.io': "aggregator of other outlets' stories (Biometric Update)",
  'beyondmarketintelligence.com': 'machine-written commentary on a TechCrunch story',
  'particle.news': "aggregator (AI summaries of other outlets' stories)",
  'wikisum.wiki': 'encyclopedia mirror (machine summaries of Wikipedia)',
  'cryer.org.uk': 'encyclopedia mirror (copies of Wikipedia infoboxes)',
  'friendlywiki.com': 'encyclopedia mirror (copies of Wikipedia source text)',
  '145673.xyz': "proxy copy of a search engine's news results",
  'phemex.com': "crypto-exchange news feed rewriting other outlets' stories",
  'eoguides.com': 'machine-written "analysis" rewriting coverage of a Citizen Lab report',
  'th247.xyz': 'machine-written blog with invented technical detail (a "Webloc protocol")',
  'radarbytes.com': "machine-translated rewrites of other outlets' stories",
  'adjacent.media': 'aggregator ("signals" summarising other sources)',
  'lavx.hu': "machine-written rewrites of other outlets' stories",
  'newswire.com.pk': 'copy of a Guardian article',
  'todaystreamtv.com': 'copy of a Reuters article',
  '3.127.128.221': 'copy of a Reuters article on a bare IP address',
  'mediaverzum.com': 'aggregator (one-paragraph summaries linking out)',
  'newszop.com': "aggregator of other outlets' stories",
  'meulie.net': 'gopher proxy copy of CNN articles',
  'finallayer.com': 'aggregator (AI-written topic pages)',
  'briefly.co': "aggregator (summaries of other outlets' articles, \"Read at ...\")",
  'usgov.trade': 'scraped junk text',
  'studicata.com': "AI-generated case summaries (cite the court's opinion)",
  'relevant-news.com': "aggregator (AI summaries of other outlets' stories)",
  'quickyla.com': "machine rewrites of other outlets' stories (Ars Technica)",
  'wixlib.com': 'document mirror',
  'vdocuments.us': 'document mirror',
  'vdocuments.mx': 'document mirror',
  // Met by open8 (2026-12-05).
  'neweconworld.com': 'copy of a TechCrunch article (Barcelona spyware startups, Jan. 2025) run without credit',
  'sandstorm.gold': 'spun copy of a TechCrunch article (words swapped for synonyms)',
  'bitgem.dev': 'rewrite of a TechCrunch article without credit',
  'techedt.com': 'rewrite of a TechCrunch article',
  'worldnl.com': 'copy of a Schneier on Security post with its comments',
  'securityintelhub.com': "aggregator (other blogs' posts with machine-written \"analysis\")",
  'hackerfeeds.com': "aggregator (AI-generated briefs of other outlets' articles)",
  'infosecradar.com': "aggregator (machine-written summaries and \"assessments\" of other outlets' stories)",
  'zxcloudsecurity.co.uk': "aggregator (machine-written summaries of other blogs' posts)",
  'wpnews.pro': 'copy of an EFF Deeplinks post',
  'overview.legal': 'copy of an EFF Deeplinks post',
  'nemati.ai': "AI summaries of other outlets' articles (\"Read the full article at ...\")",
  'looseplume.org': 'aggregator of social-media posts with machine-extracted claims',
  'hype.aero': 'aggregator (groups other outlets\' reports into one story)',
  'atlas360.news': "machine-written rewrites of other outlets' stories (\"Atlas AI\")",
  '360livenews.com': "aggregator (rewritten teasers of other outlets' stories)",
  'razormind.io': 'content farm (a TransUnion breach story with invented quotes and data)',
  'teamwin.in': 'content farm (rewrites of security news)',
  'nihontechhub.com': 'machine translations of TechCrunch articles',
  // Met by open7 (2026-12-05).
  'longtermwiki.com': "machine-written \"source checks\" with cached copies of other sites' pages (EFF's case page)",
  'longterm-wiki.vercel.app': "machine-written \"source checks\" of other sites' pages (copy of longtermwiki.com)",
  'debatedock.com': "forum threads of machine rewrites of other outlets' stories",
  'cryptoexplores.com': "rewrite of other outlets' coverage of the unions' suit against the State Department",
  'arabateknik.com': "machine-written rewrite with numbered citations to other outlets' stories",
  'cybertomic.com': 'machine-written rewrite of security news (garbled the names of the Intellexa delisting)',
  'right-api.com': "blog rewriting other outlets' headlines (Ars Technica on pcTattletale)",
  'capitalpost.uk': 'uncredited rewrite of a Reuters story (the same text as britbrief.co.uk)',
  'britbrief.co.uk': 'uncredited rewrite of a Reuters story (the same text as capitalpost.uk)',
  'holotruth.com': 'machine-reworded copy of a Guardian article',
  'scholarshipsky.com': "rewrite of another site's story (the same text as southafricaportal.com)",
  'southafricaportal.com': "rewrite of another site's story (the same text as scholarshipsky.com)",
  'thethinkingconservative.com': 'copy of an Epoch Times article',
  'newslinker.co': "machine rewrites of other outlets' stories",
  'hn.jakechampion.name': "reader-mode proxy showing copies of other sites' pages (Boston.com)",
  'libretechni.ca': 'forum post reproducing a WCVB article in full',
  'newsblog.sbs': 'copy of a Boston.com article',
  'israelnoticias.com': 'uncredited Spanish translation of a Reuters story (the Intellexa delisting)',
  'nomadtabloid.com': "uncredited rewrite of other outlets' stories (NDTV/NBC News on the student-visa task force)",
  // Met by sweep8 (2026-12-05), searching the bills for developments after June 1, 2026.
  'destinoestelar.online': 'machine-spun copy of a DroneLife story (the Drone Espionage Act)',
  'drone-app.com': 'machine-spun copy of a DroneLife story (the same text as destinoestelar.online)',
  'moneytox.com': 'bill tracker (machine-written commentary on congress.gov records)',
  'lawreduce.com': 'bill tracker (machine-written summaries and "possible impacts")',
  'explainthelaw.com': 'bill tracker (machine-written summaries)',
  'legistrack.vercel.app': 'bill tracker (machine-written summaries)',
  'uslegi.com': 'bill tracker (copy of congress.gov texts)',
  'polifocus.com': 'bill tracker (copies of CRS summaries with a machine "ask anything" reader)',
  'itcnu.com': 'full copy of a 404 Media story',
  'comparemela.com': 'copies of television captions (C-SPAN transcripts)',
  'babelserver.org': 'word-scrambled copies of other sites\' pages (a govinfo bill text)',
  'liu233w.com': 'proxy serving copies of other sites\' pages (Wikipedia)',
  'voterregistrationfraud.com': 'copy of a New York Times story',
  'globetimeline.com': 'uncredited rewrites of New York Times stories',
  'ariseright.com': 'copy of a story from The Hill',
  'bluelightnews.com': 'copy of a Politico story',
  'news.meaww.com': "rewrite of other outlets' reports and statements",
  'pdfslide.net': 'document dump (copies of government reports)',
  'civilrights-federal.com': 'copy of a DHS page',
  'woofun.ai': "machine-written crypto news (\"Woofun AI reports\") rewriting other outlets' stories",
  'ainewscrypto.com': "machine-written crypto news (\"AI News Crypto Editorial Team\")",
  'judgemarket.com': "machine-written summaries of other outlets' stories (\"per Decrypt\", \"per Cointelegraph\")",
  'financebusrt.info': 'content farm (machine-written FAQ pages on news stories)',
  'cryptobreaking.com': "rewrite of other outlets' stories (\"according to reporting from CNN\")",
  'supercryptonews.com': "rewrite of other outlets' stories (The Block)",
  'edgen.tech': "rewrite of other outlets' crypto news",
  'allthe.news': "aggregator (machine summaries of other outlets' stories in many languages)",
  'thepeskytoad.com': "rewrite of other outlets' stories (the April 2026 Section 702 extension)",
  'misryoum.com': "machine-written rewrites (\"Misryoum reports\") of other outlets' stories",
  'sivic.life': 'bill tracker (machine-written summaries with "potential benefits")',
  'd3f5buclv39urb.cloudfront.net': "CDN-hosted copies of a news site's articles",
  'mil-osi.com': 'reprints of press releases and news feeds (a Pingree release)',
  'vuink.com': "proxy serving copies of other sites' articles (TechCrunch)",
  'mivate.com': 'spam-injected copy of an ACLU article',
  'redstateobserver.com': "rewrite of other outlets' reports (Straight Arrow News)",
  'publicnonprofitleadership.com': "feed-reader pages copying other outlets' articles (States Newsroom)",
  // Aggregators of news written from other outlets' stories.
  'hanna-ai.com': 'machine-written news aggregator (cite the outlet it draws on)',
  'aicompass.dev': 'aggregator copying other outlets\' stories (cite the original)',
  // Free hosting used for look-alike and copied news pages.
  'workers.dev': 'free hosting for copied pages',
  'pages.dev': 'free hosting for copied pages',
  'glitch.me': 'free hosting for copied pages (legislation.glitch.me copies legislation.gov.uk)',
};

/** A title that says the page is not the original. */
const copyTitle = /\b(?:reprint(?:ed)?|cop(?:y|ies)|mirror(?:s|ed)?)\b|\barchive of\b/i;

/** Why a url may not be cited (its deny-list entry), or undefined when it may. */
export function deniedReason(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
  for (let domain = host; domain.includes('.'); domain = domain.slice(domain.indexOf('.') + 1)) {
    const reason = deniedDomains[domain];
    if (reason !== undefined) return `${domain} (${reason})`;
  }
  return undefined;
}

/** The sourcing rule for one entry: messages ("field: problem"), empty when it keeps to it. */
export function sourcePolicyProblems(entry: Entry): string[] {
  const problems: string[] = [];
  entry.sources.forEach((source, index) => {
    const denied = deniedReason(source.url);
    if (denied) problems.push(`sources.${index}: ${source.url} is on the deny list: ${denied}; cite the original instead`);
    if (copyTitle.test(source.title)) {
      problems.push(`sources.${index}: the title "${source.title}" says it is a reprint, copy, mirror or archive; cite the original instead`);
    }
  });
  if (!entry.sources.some(isPrimary)) {
    problems.push('sources: no primary source (official, self or original-report); secondary sources are never the only kind');
  }
  // A status or latest development names the one source that dates it: that source must be a primary one.
  for (const field of ['status', 'latest'] as const) {
    const url = field === 'status' ? (hasStatus(entry.kind) ? (entry as EntryWithStatus).status?.source : undefined) : entry.latest?.source;
    const cited = url === undefined ? undefined : entry.sources.find((source) => source.url === url);
    if (cited && !isPrimary(cited)) {
      problems.push(`${field}.source: ${url} is a secondary source; date the ${field === 'status' ? 'status' : 'latest development'} with a primary or original source`);
    }
  }
  // Every stated field needs a primary source of its own (a field no source backs is the schema's to refuse).
  for (const field of statedFields(entry)) {
    const backing = entry.sources.filter((source) => source.supports.includes(field));
    if (backing.length && !backing.some(isPrimary)) {
      problems.push(`${field}: backed only by secondary sources (${backing.map((source) => source.url).join(', ')}); cite the primary or original source, or leave it out`);
    }
  }
  return problems;
}


/**
 * The dating rule for one entry on `today` (YYYY-MM-DD): `asOf` is a day someone checked the entry, so it is not in
 * the future, and an entry cannot report a status or a latest development dated after that check. Dates known only
 * to the month or year compare as their first day. Messages ("field: problem"), empty when the dates hold.
 */
export function datingProblems(entry: Entry, today: string): string[] {
  const problems: string[] = [];
  if (entry.asOf > today) problems.push(`asOf: ${entry.asOf} is after today (${today}); asOf is the day the entry was last checked`);
  const status = hasStatus(entry.kind) ? (entry as EntryWithStatus).status : undefined;
  for (const [field, date] of [['status', status?.date], ['latest', entry.latest?.date]] as const) {
    if (date !== undefined && date > entry.asOf) {
      problems.push(`${field}.date: ${date} is after asOf ${entry.asOf}; an entry cannot report what happened after it was checked`);
    }
  }
  return problems;
}

/** Days after its `asOf` an entry is due for a new check: bills move fastest. */
export const staleAfterDays = { bill: 90, other: 365 } as const;

export interface StaleRow {
  id: string;
  kind: Entry['kind'];
  asOf: string;
  ageDays: number;
  limitDays: number;
  stale: boolean;
}

/** Every entry with the age of its last check on `today` (YYYY-MM-DD), oldest first (then by id). */
export function staleReport(entries: readonly Pick<Entry, 'id' | 'kind' | 'asOf'>[], today: string): StaleRow[] {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  return entries
    .map(({ id, kind, asOf }) => {
      const ageDays = Math.round(day(today) - day(asOf));
      const limitDays = kind === 'bill' ? staleAfterDays.bill : staleAfterDays.other;
      return { id, kind, asOf, ageDays, limitDays, stale: ageDays > limitDays };
    })
    .sort((a, b) => b.ageDays - a.ageDays || a.id.localeCompare(b.id));
}

/** The `--stale` listing: the entries past their limit first, then the others, each with its age. */
export function formatStaleReport(rows: readonly StaleRow[], today: string): string {
  const line = (row: StaleRow) => `${String(row.ageDays).padStart(5)} days  ${row.asOf}  ${row.kind.padEnd(8)}  ${row.id}`;
  const stale = rows.filter((row) => row.stale);
  const fresh = rows.filter((row) => !row.stale);
  return [
    `As of ${today}: ${stale.length} of ${rows.length} entries are due for a new check (bills after ${staleAfterDays.bill} days, others after ${staleAfterDays.other}).`,
    ...(stale.length ? ['', 'Due for a check (age of asOf, oldest first):', ...stale.map(line)] : []),
    ...(fresh.length ? ['', 'Within their limit (oldest first):', ...fresh.map(line)] : []),
  ].join('\n');
}
