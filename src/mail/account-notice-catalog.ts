import type { Locale } from '../domain/messages/supported-locales.js';

/**
 * The account-lock notice: sent to the account's owner, so that someone guessing a password
 * is noticed. It names no address or IP (a lock screen may show the subject).
 */
export const accountLockedNotice: Record<Locale, { subject: string; body: string }> = {
  en: {
    subject: 'Your Accord account was locked',
    body: 'After {failures} failed sign-in attempts your account is locked until {until}. If this was not you, tell the committee and change your password after the lock ends.',
  },
  'zh-CN': {
    subject: '您的 Accord 账户已被锁定',
    body: '由于连续 {failures} 次登录失败，您的账户已被锁定至 {until}。如非本人操作，请告知调解委员会，并在解锁后修改密码。',
  },
  ar: {
    subject: 'تم قفل حسابك في Accord',
    body: 'بعد {failures} محاولات فاشلة لتسجيل الدخول، تم قفل حسابك حتى {until}. إن لم تكن أنت، فأبلغ اللجنة وغيّر كلمة المرور بعد انتهاء القفل.',
  },
  ru: {
    subject: 'Ваша учётная запись Accord заблокирована',
    body: 'После {failures} неудачных попыток входа учётная запись заблокирована до {until}. Если это были не вы, сообщите комитету и смените пароль после снятия блокировки.',
  },
  es: {
    subject: 'Su cuenta de Accord ha sido bloqueada',
    body: 'Tras {failures} intentos fallidos de inicio de sesión, su cuenta está bloqueada hasta {until}. Si no fue usted, avise al comité y cambie su contraseña cuando termine el bloqueo.',
  },
  fr: {
    subject: 'Votre compte Accord a été verrouillé',
    body: 'Après {failures} tentatives de connexion échouées, votre compte est verrouillé jusqu’à {until}. Si ce n’était pas vous, prévenez le comité et changez votre mot de passe à la fin du verrouillage.',
  },
  fa: {
    subject: 'حساب Accord شما قفل شد',
    body: 'پس از {failures} تلاش ناموفق برای ورود، حساب شما تا {until} قفل است. اگر این کار شما نبوده، به کمیته اطلاع دهید و پس از پایان قفل گذرواژه را تغییر دهید.',
  },
  tr: {
    subject: 'Accord hesabınız kilitlendi',
    body: '{failures} başarısız oturum açma denemesinden sonra hesabınız {until} tarihine kadar kilitlendi. Bu siz değilseniz komiteye bildirin ve kilit kalktıktan sonra parolanızı değiştirin.',
  },
};
