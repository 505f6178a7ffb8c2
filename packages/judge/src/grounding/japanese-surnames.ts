/**
 * Common Japanese family names in kanji with the romanised reading a business writes in English
 * knowledge (Hepburn without long-vowel marks: 伊藤 → ito, 大野 → ono), so a Japanese reply's
 * 河合先生 or 「小野は…」 meets "Dr. Kawai" or `staff.ono`. About 380 of the most frequent names (Okinawa's too);
 * a name not listed stays its kanji (a knowledge base can list it in its `vocabulary` section).
 */
const SURNAMES: Readonly<Record<string, string>> = {
  佐藤: 'sato', 鈴木: 'suzuki', 高橋: 'takahashi', 田中: 'tanaka', 伊藤: 'ito', 渡辺: 'watanabe', 渡邊: 'watanabe', 渡部: 'watanabe',
  山本: 'yamamoto', 中村: 'nakamura', 小林: 'kobayashi', 加藤: 'kato', 吉田: 'yoshida', 山田: 'yamada', 佐々木: 'sasaki',
  山口: 'yamaguchi', 松本: 'matsumoto', 井上: 'inoue', 木村: 'kimura', 林: 'hayashi', 斎藤: 'saito', 斉藤: 'saito', 齋藤: 'saito',
  清水: 'shimizu', 山崎: 'yamazaki', 森: 'mori', 池田: 'ikeda', 橋本: 'hashimoto', 阿部: 'abe', 石川: 'ishikawa', 山下: 'yamashita',
  中島: 'nakajima', 石井: 'ishii', 小川: 'ogawa', 前田: 'maeda', 岡田: 'okada', 長谷川: 'hasegawa', 藤田: 'fujita', 後藤: 'goto',
  近藤: 'kondo', 村上: 'murakami', 遠藤: 'endo', 青木: 'aoki', 坂本: 'sakamoto', 福田: 'fukuda', 太田: 'ota', 西村: 'nishimura',
  藤井: 'fujii', 金子: 'kaneko', 岡本: 'okamoto', 藤原: 'fujiwara', 三浦: 'miura', 中野: 'nakano', 中川: 'nakagawa', 原田: 'harada',
  松田: 'matsuda', 竹内: 'takeuchi', 小野: 'ono', 大野: 'ono', 田村: 'tamura', 中山: 'nakayama', 和田: 'wada', 石田: 'ishida',
  森田: 'morita', 上田: 'ueda', 原: 'hara', 内田: 'uchida', 柴田: 'shibata', 酒井: 'sakai', 宮崎: 'miyazaki', 横山: 'yokoyama',
  高木: 'takagi', 安藤: 'ando', 宮本: 'miyamoto', 小島: 'kojima', 谷口: 'taniguchi', 工藤: 'kudo', 今井: 'imai', 高田: 'takada',
  丸山: 'maruyama', 増田: 'masuda', 杉山: 'sugiyama', 村田: 'murata', 大塚: 'otsuka', 小山: 'koyama', 藤本: 'fujimoto', 平野: 'hirano',
  新井: 'arai', 河野: 'kono', 上野: 'ueno', 武田: 'takeda', 野口: 'noguchi', 松井: 'matsui', 千葉: 'chiba', 岩崎: 'iwasaki',
  菅原: 'sugawara', 木下: 'kinoshita', 久保: 'kubo', 佐野: 'sano', 野村: 'nomura', 松尾: 'matsuo', 市川: 'ichikawa', 菊地: 'kikuchi',
  菊池: 'kikuchi', 杉本: 'sugimoto', 古川: 'furukawa', 大西: 'onishi', 島田: 'shimada', 水野: 'mizuno', 桜井: 'sakurai', 櫻井: 'sakurai',
  高野: 'takano', 吉川: 'yoshikawa', 山内: 'yamauchi', 西田: 'nishida', 飯田: 'iida', 菅野: 'sugano', 服部: 'hattori', 川口: 'kawaguchi',
  永井: 'nagai', 辻: 'tsuji', 星野: 'hoshino', 河合: 'kawai', 川合: 'kawai', 森本: 'morimoto', 北村: 'kitamura', 関: 'seki',
  秋山: 'akiyama', 松下: 'matsushita', 本田: 'honda', 岩田: 'iwata', 中田: 'nakata', 小松: 'komatsu', 浅野: 'asano', 大橋: 'ohashi',
  荒木: 'araki', 須藤: 'sudo', 吉村: 'yoshimura', 平田: 'hirata', 高山: 'takayama', 桑原: 'kuwabara', 望月: 'mochizuki', 田口: 'taguchi',
  大久保: 'okubo', 宮田: 'miyata', 松村: 'matsumura', 石原: 'ishihara', 大谷: 'otani', 小池: 'koike', 内藤: 'naito', 片山: 'katayama',
  堀: 'hori', 山中: 'yamanaka', 早川: 'hayakawa', 青山: 'aoyama', 樋口: 'higuchi', 中西: 'nakanishi', 東: 'higashi', 岡: 'oka',
  土屋: 'tsuchiya', 坂口: 'sakaguchi', 福島: 'fukushima', 西川: 'nishikawa', 黒田: 'kuroda', 小西: 'konishi', 奥村: 'okumura',
  安田: 'yasuda', 松岡: 'matsuoka', 尾崎: 'ozaki', 小田: 'oda', 宮下: 'miyashita', 野田: 'noda', 白石: 'shiraishi', 北川: 'kitagawa',
  五十嵐: 'igarashi', 上原: 'uehara', 本間: 'honma', 広瀬: 'hirose', 榎本: 'enomoto', 小野寺: 'onodera', 竹田: 'takeda', 西山: 'nishiyama',
  杉浦: 'sugiura', 田辺: 'tanabe', 堀内: 'horiuchi', 宮川: 'miyagawa', 福井: 'fukui', 吉岡: 'yoshioka', 長田: 'nagata', 中尾: 'nakao',
  石橋: 'ishibashi', 細川: 'hosokawa', 小森: 'komori', 森下: 'morishita', 大石: 'oishi', 上村: 'uemura', 松浦: 'matsuura', 川上: 'kawakami',
  川村: 'kawamura', 田島: 'tajima', 大川: 'okawa', 川崎: 'kawasaki', 新田: 'nitta', 相馬: 'soma', 西: 'nishi', 南: 'minami',
  永田: 'nagata', 水谷: 'mizutani', 浜田: 'hamada', 濱田: 'hamada', 岡崎: 'okazaki', 荒井: 'arai', 富田: 'tomita', 村井: 'murai',
  大島: 'oshima', 藤川: 'fujikawa', 関口: 'sekiguchi', 小倉: 'ogura', 岩本: 'iwamoto', 堤: 'tsutsumi', 宇野: 'uno', 今村: 'imamura',
  熊谷: 'kumagai', 篠原: 'shinohara', 矢野: 'yano', 吉野: 'yoshino', 平井: 'hirai', 桑田: 'kuwata', 萩原: 'hagiwara', 徳田: 'tokuda',
  三宅: 'miyake', 成田: 'narita', 長尾: 'nagao', 渡: 'watari', 笠井: 'kasai', 高井: 'takai', 森川: 'morikawa', 沢田: 'sawada',
  澤田: 'sawada', 野崎: 'nozaki', 滝沢: 'takizawa', 白井: 'shirai', 小泉: 'koizumi', 大森: 'omori', 北野: 'kitano', 松永: 'matsunaga',
  中井: 'nakai', 金田: 'kaneda', 戸田: 'toda', 宮内: 'miyauchi', 石黒: 'ishiguro', 丸岡: 'maruoka', 根本: 'nemoto',
  島: 'shima', 谷: 'tani', 星: 'hoshi', 朝倉: 'asakura', 青柳: 'aoyagi', 中谷: 'nakatani', 米田: 'yoneda',
  土井: 'doi', 神田: 'kanda', 岩井: 'iwai', 松原: 'matsubara', 福本: 'fukumoto', 森山: 'moriyama', 中原: 'nakahara', 荒川: 'arakawa',
  高松: 'takamatsu', 西岡: 'nishioka', 山根: 'yamane', 奥田: 'okuda', 堀田: 'hotta', 吉原: 'yoshihara', 三上: 'mikami', 川島: 'kawashima',
  松山: 'matsuyama', 大村: 'omura', 小原: 'ohara', 浅井: 'asai', 岡村: 'okamura', 平山: 'hirayama', 田代: 'tashiro', 山岸: 'yamagishi',
  竹中: 'takenaka', 片岡: 'kataoka', 野中: 'nonaka', 西本: 'nishimoto', 堀江: 'horie', 内山: 'uchiyama', 栗原: 'kurihara', 須田: 'suda',
  川田: 'kawada', 三好: 'miyoshi', 塚本: 'tsukamoto', 鎌田: 'kamata', 松島: 'matsushima', 河村: 'kawamura', 稲垣: 'inagaki', 若林: 'wakabayashi',
  石塚: 'ishizuka', 高島: 'takashima', 村松: 'muramatsu', 池上: 'ikegami', 関根: 'sekine', 田原: 'tahara', 辻本: 'tsujimoto', 平川: 'hirakawa',
  中嶋: 'nakajima', 長島: 'nagashima', 松崎: 'matsuzaki', 岸: 'kishi', 岸本: 'kishimoto', 前川: 'maekawa', 坂田: 'sakata', 西野: 'nishino',
  北原: 'kitahara', 白川: 'shirakawa', 秋元: 'akimoto', 小沢: 'ozawa', 小澤: 'ozawa', 藤岡: 'fujioka', 梅田: 'umeda', 川端: 'kawabata',
  安部: 'abe', 飯塚: 'iizuka', 岡野: 'okano', 竹下: 'takeshita', 森岡: 'morioka', 西尾: 'nishio', 金井: 'kanai', 黒木: 'kuroki',
  冨田: 'tomita', 江口: 'eguchi', 山村: 'yamamura', 三木: 'miki', 杉田: 'sugita', 今野: 'konno', 佐久間: 'sakuma', 下田: 'shimoda',
  小笠原: 'ogasawara', 大竹: 'otake', 村山: 'murayama', 荻野: 'ogino', 本多: 'honda', 広田: 'hirota', 宮原: 'miyahara', 吉本: 'yoshimoto',
  古田: 'furuta', 沼田: 'numata', 岩下: 'iwashita', 有村: 'arimura', 吉井: 'yoshii', 桜田: 'sakurada', 高畑: 'takahata', 野上: 'nogami',
  // Okinawa's most common family names.
  金城: 'kinjo', 比嘉: 'higa', 宮城: 'miyagi', 大城: 'oshiro', 新垣: 'arakaki', 玉城: 'tamaki', 島袋: 'shimabukuro', 知念: 'chinen',
  山城: 'yamashiro', 平良: 'taira', 照屋: 'teruya', 宮里: 'miyazato', 仲宗根: 'nakasone',
}

/** Kanji titles a name runs into (中村先生, 木村様, 星野院長). */
const KANJI_TITLE = /^(?:先生|様|氏|院長|医師|店長|主任|部長|課長)/u
/** Names of one kanji (林, 森, 原) name a person only before a title or a particle (林コーチ, 森は): otherwise they are words (forest, field). */
const AFTER_ONE_KANJI_NAME = /^(?:さん|様|先生|コーチ|トレーナー|シェフ|は|が|も|で|に|と|へ|より|から|です|でございます|まで)/u
/** 佐藤健二です, 青木美香と申します, 森愛子でございます: a family name with a given name of one or two kanji (two after a one-kanji name), said as who someone is. */
const AFTER_FULL_NAME = /^(?:です|でございます|と申します|さん|様|先生|が担当)/u
/** Kanji that end place and company names (松本市, 上野駅, 中村屋): not a given name. */
const PLACE_KANJI = /^[市区町村駅県都府道屋店線橋院寺社園館港山川]/u
const HAN_RUN = /\p{sc=Han}+/gu
const RECENT_TEXTS = 512
const recent = new Map<string, SurnameMatch[]>()
const LONGEST_NAME = Math.max(...Object.keys(SURNAMES).map((name) => name.length))

/** One family name found in a Japanese text: where it is, and its romanised reading. */
export interface SurnameMatch {
  name: string
  reading: string
  start: number
  end: number
}

/**
 * The family names a Japanese text says (佐藤, 河合先生, 「小野は…」), with their readings.
 *
 * @example
 * japaneseSurnames('河合先生は火曜日です') // [{ name: '河合', reading: 'kawai', start: 0, end: 2 }]
 */
export function japaneseSurnames(text: string): SurnameMatch[] {
  // Subjects are read from many stretches of one reply: the last texts' names are kept.
  const cached = recent.get(text)
  if (cached) return cached
  if (recent.size >= RECENT_TEXTS) recent.clear()
  const found: SurnameMatch[] = []
  recent.set(text, found)
  HAN_RUN.lastIndex = 0
  // A name starts a run of kanji (no kanji right before it) and ends it, or a title follows it.
  for (let match = HAN_RUN.exec(text); match !== null; match = HAN_RUN.exec(text)) {
    const run = match[0]
    const after = text.slice(match.index + run.length, match.index + run.length + 6)
    for (let length = Math.min(LONGEST_NAME, run.length); length >= 1; length -= 1) {
      const name = run.slice(0, length)
      const reading = SURNAMES[name]
      if (reading === undefined) continue
      const rest = run.slice(length)
      const alone = rest === '' ? length > 1 || AFTER_ONE_KANJI_NAME.test(after) : KANJI_TITLE.test(rest) || ((length > 1 ? rest.length <= 2 : rest.length === 2) && !PLACE_KANJI.test(rest) && AFTER_FULL_NAME.test(after))
      if (alone) found.push({ name, reading, start: match.index, end: match.index + length })
      break
    }
  }
  HAN_RUN.lastIndex = 0
  return found
}

const READINGS = new Set(Object.values(SURNAMES))

/** Whether a word (lower case) is the romanised reading of a listed family name ("aoki", "sato"). */
export function isSurnameReading(word: string): boolean {
  return READINGS.has(word)
}

/** The romanised reading of a listed family name (河合 → kawai), or undefined. */
export function surnameReading(name: string): string | undefined {
  return SURNAMES[name]
}
