import type { Locale } from '../domain/messages/supported-locales.js';

export interface SignInLinkTexts {
  subject: string;
  /** ICU; {hours}: how long the link works. */
  body: string;
  button: string;
  /** Said last: the e-mail may reach someone who never asked. */
  ignore: string;
}

/**
 * The e-mail that carries a requested sign-in link. It names no case and no party (the request
 * was anonymous, and subjects show on lock screens); the link itself opens what was asked for.
 */
export const signInLinkEmail: Record<Locale, SignInLinkTexts> = {
  en: {
    subject: 'Your Accord sign-in link',
    body: 'Use the button below to sign in to Accord and follow your case. The link works once, for {hours, plural, one {# hour} other {# hours}}. Do not forward it.',
    button: 'Sign in to Accord',
    ignore: 'If you did not ask for this link, ignore this e-mail: nobody can sign in without it.',
  },
  'zh-CN': {
    subject: '您的 Accord 登录链接',
    body: '请点击下方按钮登录 Accord 查看您的案件。此链接只能使用一次，{hours} 小时内有效，请勿转发。',
    button: '登录 Accord',
    ignore: '如果您没有申请此链接，请忽略本邮件：没有此链接，任何人都无法登录。',
  },
  ar: {
    subject: 'رابط تسجيل الدخول إلى Accord',
    body: 'استخدم الزر أدناه لتسجيل الدخول إلى Accord ومتابعة قضيتك. يعمل الرابط مرة واحدة فقط، لمدة {hours, plural, zero {# ساعة} one {ساعة واحدة} two {ساعتين} few {# ساعات} many {# ساعة} other {# ساعة}}. لا تعِد توجيهه إلى أحد.',
    button: 'تسجيل الدخول إلى Accord',
    ignore: 'إن لم تطلب هذا الرابط فتجاهل هذه الرسالة: لا يمكن لأحد تسجيل الدخول من دونه.',
  },
  ru: {
    subject: 'Ваша ссылка для входа в Accord',
    body: 'Нажмите кнопку ниже, чтобы войти в Accord и следить за делом. Ссылка действует один раз в течение {hours, plural, one {# часа} few {# часов} many {# часов} other {# часа}}. Не пересылайте её.',
    button: 'Войти в Accord',
    ignore:
      'Если вы не запрашивали эту ссылку, просто проигнорируйте письмо: без неё никто не сможет войти.',
  },
  es: {
    subject: 'Su enlace para entrar en Accord',
    body: 'Use el botón de abajo para entrar en Accord y seguir su caso. El enlace sirve una sola vez, durante {hours, plural, one {# hora} other {# horas}}. No lo reenvíe.',
    button: 'Entrar en Accord',
    ignore: 'Si no pidió este enlace, ignore este correo: nadie puede entrar sin él.',
  },
  fr: {
    subject: 'Votre lien de connexion à Accord',
    body: 'Utilisez le bouton ci-dessous pour vous connecter à Accord et suivre votre dossier. Le lien ne sert qu’une fois, pendant {hours, plural, one {# heure} other {# heures}}. Ne le transférez pas.',
    button: 'Se connecter à Accord',
    ignore:
      'Si vous n’avez pas demandé ce lien, ignorez ce message : personne ne peut se connecter sans lui.',
  },
  fa: {
    subject: 'پیوند ورود شما به Accord',
    body: 'با دکمهٔ زیر وارد Accord شوید و پروندهٔ خود را پیگیری کنید. این پیوند فقط یک بار و تا {hours} ساعت کار می‌کند. آن را برای کسی نفرستید.',
    button: 'ورود به Accord',
    ignore:
      'اگر این پیوند را درخواست نکرده‌اید، این نامه را نادیده بگیرید: بدون آن کسی نمی‌تواند وارد شود.',
  },
  tr: {
    subject: 'Accord oturum açma bağlantınız',
    body: 'Accord’da oturum açıp dosyanızı takip etmek için aşağıdaki düğmeyi kullanın. Bağlantı yalnızca bir kez ve {hours} saat boyunca geçerlidir. Kimseye iletmeyin.',
    button: 'Accord’da oturum aç',
    ignore:
      'Bu bağlantıyı siz istemediyseniz bu e-postayı yok sayın: bağlantı olmadan kimse oturum açamaz.',
  },
};
